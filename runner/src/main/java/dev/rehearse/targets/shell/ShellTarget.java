package dev.rehearse.targets.shell;

import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;

/**
 * A target whose steps run in one login shell reached over a {@link Transport}: how the shell is reached is the
 * target's ({@link #startShell()}); keeping it while it lives, starting a new one after it is gone and hanging it
 * up are written here once for every target.
 */
public abstract class ShellTarget implements Target {
    private volatile ShellSession session;

    /** A transport on which a fresh login shell (bash) is starting. */
    protected abstract Transport startShell();

    /** How the session sets up its terminal and how patient it is. */
    protected abstract ShellSettings shellSettings();

    /** The login shell; the same one again while it lives, a new one after it is gone. */
    @Override
    public final synchronized Session openSession() {
        ShellSession current = session;
        if (current == null || !current.isAlive()) {
            current = ShellSession.start(startShell(), shellSettings());
            session = current;
        }
        return current;
    }

    /**
     * Hangs up the shell, if one was started. Not synchronized: Ctrl-C must not wait for a shell that is still
     * starting; closing twice is harmless.
     */
    protected final void closeSession() {
        ShellSession current = session;
        if (current != null) {
            current.close();
        }
    }
}
