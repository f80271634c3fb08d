package dev.rehearse.targets.ssh;

import com.jcraft.jsch.UserInfo;

import java.io.Console;
import java.util.Arrays;

/**
 * Asks the person at the terminal for the passphrase of a protected key file, as {@code ssh} does ({@code Enter
 * passphrase for key '...': }, nothing echoed). Without a terminal (CI, a pipe) nothing is asked: such a key is
 * passed over, and the failure message says to load it into the ssh-agent. JSch asks for nothing else here: host
 * keys are {@link KnownHostsFile}'s to judge and passwords are not offered.
 */
final class PassphrasePrompt implements UserInfo {
    private final Console console;
    private String passphrase;

    /** @param console the process's terminal, or null when it has none */
    PassphrasePrompt(Console console) {
        this.console = console;
    }

    @Override
    public boolean promptPassphrase(String message) {
        if (console == null) {
            return false;
        }
        // JSch says "Passphrase for /home/robin/.ssh/id_ed25519"; ssh's own words are what people know
        String key = message.startsWith("Passphrase for ") ? message.substring("Passphrase for ".length()) : message;
        char[] typed = console.readPassword("Enter passphrase for key '%s': ", key);
        if (typed == null) {
            return false; // end of input: the person gave up
        }
        passphrase = new String(typed);
        Arrays.fill(typed, '\0');
        return true;
    }

    /** The passphrase just typed, handed over once: JSch asks for it right after the prompt. */
    @Override
    public String getPassphrase() {
        String given = passphrase;
        passphrase = null;
        return given;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public boolean promptPassword(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {
        // nothing JSch shows is for the person running the guide
    }
}
