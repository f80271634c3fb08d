package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.Transport;

import java.util.List;
import java.util.Optional;

/**
 * A host the admin already has, over SSH ({@code ssh://user@host[:port]}): the runbook's login shell runs on
 * a remote PTY under the same session protocol as every other target, and files are read and written by the user on the host ({@link dev.rehearse.targets.UserFiles}). Nothing is
 * made on the host and nothing is removed from it: it is not a throwaway.
 * <p>
 * Closing it hangs up the remote terminal, which leaves no process behind (SIGHUP reaches the shell, which
 * passes it on to its jobs); {@code rehearse run} closes its target on Ctrl-C too.
 */
public final class SshTarget extends ShellTarget {
    private final SshConnection connection;
    private final ShellSettings settings;
    private final TargetFacts facts;
    private final RemoteFiles files;

    private SshTarget(SshConnection connection, ShellSettings settings, TargetFacts facts) {
        this.connection = connection;
        this.settings = settings;
        this.facts = facts;
        this.files = new RemoteFiles(connection, facts.home());
    }

    /**
     * Connects and learns who and where the user is.
     *
     * @param spec {@code ssh://user@host[:port]}; with a client configuration in the options, the host may be one
     *             of its aliases
     * @param stop the run's stop while the target opens: it closes the connection, and the opening ends at once in
     *             {@link OpeningStop.Stopped}
     * @throws BadInput when the spec is not an ssh address, the ssh configuration has an error or a proxy for the
     *                  host, the host key is unknown (without accept-new) or changed, no key is accepted, or nothing
     *                  answers
     */
    public static SshTarget open(String spec, SshOptions options, OpeningStop stop) {
        SshClientConfig.Applied applied = SshClientConfig.applied(SshSpec.parse(spec), options);
        return open(applied.address(), applied.options(), ShellSettings.DEFAULT, stop);
    }

    /** As {@link #open(String, SshOptions, OpeningStop)}, at an address with its options applied. */
    public static SshTarget open(SshAddress address, SshOptions options, ShellSettings settings, OpeningStop stop) {
        SshConnection connection = SshConnection.open(address, options, stop);
        try {
            List<String> lines = connection.exec("id -un && uname -n && printf '%s\\n' \"$HOME\"").lines().toList();
            String user = lines.get(0);
            String host = lines.get(1);
            // the same made-up domain as the other targets: a real one comes with --bind my.domain.name=...
            return new SshTarget(connection, settings, new TargetFacts(user, host, lines.get(2), user + "." + host + ".test"));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return connection.address().toString();
    }

    @Override
    public TargetFacts facts() {
        return facts;
    }

    /** A login shell on a remote PTY, on the connection while it lives. */
    @Override
    protected Transport startShell() {
        if (!connection.isConnected()) {
            throw new IllegalStateException("connection to " + connection.address().endpoint() + " lost: "
                    + connection.dropCause());
        }
        return SshShellTransport.start(connection, settings.term(), settings.columns(), settings.rows());
    }

    @Override
    protected ShellSettings shellSettings() {
        return settings;
    }

    @Override
    public Optional<String> readFile(String path) {
        return files.read(path);
    }

    @Override
    public void writeFile(String path, String content) {
        files.write(path, content);
    }

    /**
     * Ends the shell's channel, then the connection: the server hangs up the remote terminal. Not synchronized:
     * Ctrl-C must not wait for a shell that is still starting; closing twice is harmless.
     */
    @Override
    public void close() {
        closeSession();
        connection.close();
    }
}
