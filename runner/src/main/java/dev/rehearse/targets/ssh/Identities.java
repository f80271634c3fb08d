package dev.rehearse.targets.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.rehearse.guide.BadInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * The keys offered to the server, in OpenSSH's order: the ssh-agent's keys, then the key given with
 * {@code --identity} (or the ssh configuration's IdentityFile) or else the default keys of {@code ~/.ssh} that
 * exist. A passphrase-protected key file is unlocked with the passphrase typed at the terminal
 * ({@link PassphrasePrompt}); without a terminal it is only named in the failure message: load it into the agent.
 */
final class Identities implements IdentityRepository {
    /** The defaults ssh tries, minus the obsolete and hardware-bound ones. */
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final IdentityRepository files;
    private final IdentityRepository agent;
    private final List<String> offered = new ArrayList<>();

    private Identities(IdentityRepository files, IdentityRepository agent) {
        this.files = files;
        this.agent = agent;
    }

    /**
     * Loads the key files into {@code jsch} and connects to the agent.
     *
     * @throws BadInput when a key given names no readable key
     */
    static Identities load(JSch jsch, SshOptions options) {
        List<Path> keys = new ArrayList<>();
        if (!options.identities().isEmpty()) {
            for (Path identity : options.identities()) {
                if (!Files.isReadable(identity)) {
                    throw new BadInput(identity.toString(), 0, "--identity: no such readable key file");
                }
                keys.add(identity);
            }
        } else {
            DEFAULT_KEYS.stream().map(options.sshDir()::resolve).filter(Files::isReadable).forEach(keys::add);
        }
        List<String> offered = new ArrayList<>();
        for (Path key : keys) {
            try {
                jsch.addIdentity(key.toString());
                offered.add(key.toString());
            } catch (JSchException e) {
                throw new BadInput(key.toString(), 0, "not a private key JSch can read: " + e.getMessage());
            }
        }
        IdentityRepository agent = null;
        if (options.agentSocket() != null) {
            try {
                agent = new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(), options.agentSocket()));
                offered.add(0, "ssh-agent at " + options.agentSocket());
            } catch (AgentProxyException e) {
                offered.add(0, "ssh-agent at " + options.agentSocket() + " (unreachable: " + e.getMessage() + ")");
            }
        }
        Identities identities = new Identities(jsch.getIdentityRepository(), agent);
        identities.offered.addAll(offered);
        return identities;
    }

    /** What was offered, for the message when the server accepts none of it. */
    String describeOffered() {
        List<String> shown = new ArrayList<>();
        for (String key : offered) {
            shown.add(key + (isEncryptedFile(key)
                    ? " (passphrase-protected: run from a terminal to be asked for it, or add it to ssh-agent)" : ""));
        }
        return shown.isEmpty() ? "no key (none given, none in ~/.ssh, no ssh-agent)" : String.join(", ", shown);
    }

    private boolean isEncryptedFile(String name) {
        return files.getIdentities().stream().anyMatch(i -> i.getName().equals(name) && i.isEncrypted());
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>();
        if (agent != null && agent.getStatus() == RUNNING) {
            all.addAll(agent.getIdentities());
        }
        all.addAll(files.getIdentities());
        return all;
    }

    @Override
    public String getName() {
        return "rehearse";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public boolean add(byte[] identity) {
        return false; // keys come only from files and the agent, never from the server
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // nothing of ours to forget: the files stay, and the agent's keys are the agent's
    }
}
