package dev.rehearse.targets.shell;

import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A target whose steps run in one login shell reached over a {@link Transport}: how the shell is reached is the
 * target's ({@link #startShell()}); keeping it while it lives, starting a new one after it is gone and hanging it
 * up are written here once for every target.
 */
public abstract class ShellTarget implements Target {
    private volatile ShellSession session;
    /** sessions whose terminal a command the guide left running holds, hung up with the target's own */
    private final List<ShellSession> holding = new CopyOnWriteArrayList<>();
    /** a shell the target started before it was handed out, until the first session is asked for; else null */
    private volatile EarlyShell early;

    protected ShellTarget() {
        this(null);
    }

    /** @param early a shell started while the target got ready, the first session when it started; or null */
    protected ShellTarget(EarlyShell early) {
        this.early = early;
    }

    /**
     * Starts the login shell now, on a thread of its own, for the first session to find it up: a target opened
     * while the run still reads its guide ({@link dev.rehearse.targets.TargetProvider#opensAlongsideReading()}) so
     * starts its shell alongside too. As for a reader of the guide, the shell is then up before any file step: a
     * {@code ~/.bashrc} the guide writes is read by the next login, as at a real host.
     */
    protected final void startShellEarly() {
        if (early == null && session == null) {
            early = EarlyShell.start(this::startShell, shellSettings());
        }
    }

    /** A transport on which a fresh login shell (bash) is starting. */
    protected abstract Transport startShell();

    /** How the session sets up its terminal and how patient it is. */
    protected abstract ShellSettings shellSettings();

    /**
     * The login shell; the same one again while it lives, a new one after it is gone or while a command the guide
     * left running holds it.
     */
    @Override
    public final synchronized Session openSession() {
        ShellSession current = session;
        if (current == null && early != null) {
            current = earlyShell();
        }
        if (current != null && current.holdsACommand()) {
            // the reader opens another terminal, the command running on in the first
            holding.add(current);
            current = null;
        }
        if (current == null || !current.isAlive()) {
            current = ShellSession.start(startShell(), shellSettings());
            session = current;
        }
        return current;
    }

    /** The shell started early, or null when it could not start; asked for once. */
    private ShellSession earlyShell() {
        EarlyShell started = early;
        early = null;
        try {
            ShellSession shell = started.take();
            session = shell;
            return shell;
        } catch (InterruptedException e) {
            started.abandon();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the login shell started");
        }
    }

    /**
     * Hangs up the shell, if one was started. Not synchronized: Ctrl-C must not wait for a shell that is still
     * starting; closing twice is harmless.
     */
    protected final void closeSession() {
        EarlyShell notTaken = early;
        if (notTaken != null) {
            notTaken.abandon();
        }
        ShellSession current = session;
        if (current != null) {
            current.close();
        }
        holding.forEach(ShellSession::close);
    }
}
