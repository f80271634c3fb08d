package dev.rehearse.targets.shell;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local process on a fresh PTY (pty4j): a login shell for the local target, {@code docker exec -it ...}
 * for a container. Closing it hangs up the terminal and ends the process and its descendants. pty4j starts the
 * process; what it prints is read and what is typed written by {@link PtyMaster}.
 */
public final class PtyTransport implements Transport {
    private static final AtomicBoolean PREPARING = new AtomicBoolean();
    private final PtyProcess process;
    private final String what;
    private final PtyMaster master;
    private final TimedOutput output;
    private final OutputStream input;

    private PtyTransport(PtyProcess process, String what, PtyMaster master) {
        this.process = process;
        this.what = what;
        this.master = master;
        this.output = master.timedOutput();
        this.input = master.output();
    }

    /**
     * Gets ready to start terminals on a thread of its own, once per process: a target calls this as early as it
     * can (its provider's {@code prepare}, else as it opens), so that neither its opening nor its first shell waits
     * for it (a first terminal that comes sooner waits for what is left).
     */
    public static void prepare() {
        if (PREPARING.compareAndSet(false, true)) {
            Thread binding = new Thread(PtyMaster::bindNativeCalls, "rehearse-pty-prepare");
            binding.setDaemon(true);
            binding.start();
        }
    }

    /**
     * @param argv the program and its arguments, run as the session leader of the new terminal
     * @param env  its whole environment (nothing is inherited)
     */
    public static PtyTransport start(List<String> argv, Map<String, String> env, Path dir, int columns, int rows) {
        NativeLibraries.useCache();
        try {
            PtyProcess process = new PtyProcessBuilder(argv.toArray(String[]::new))
                    .setEnvironment(env)
                    .setDirectory(dir.toString())
                    .setInitialColumns(columns)
                    .setInitialRows(rows)
                    .setRedirectErrorStream(true)
                    .start();
            try {
                return new PtyTransport(process, argv.get(0),
                        new PtyMaster(((UnixPtyProcess) process).getPty().getMasterFD()));
            } catch (IOException e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", argv) + " on a pty", e);
        }
    }

    /** Read on the caller's thread: waiting in {@code poll} on the terminal itself, no thread to hand over. */
    @Override
    public TimedOutput output() {
        return output;
    }

    @Override
    public OutputStream input() {
        return input;
    }

    @Override
    public void resize(int columns, int rows) {
        process.setWinSize(new WinSize(columns, rows));
    }

    @Override
    public boolean isOpen() {
        return process.isAlive();
    }

    @Override
    public String endReason() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return what + " ended with exit status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return what + " stopped answering";
    }

    @Override
    public void close() {
        // pty4j's process has no handle of its own; the pid's handle has
        List<ProcessHandle> descendants = ProcessHandle.of(process.pid()).stream()
                .flatMap(ProcessHandle::descendants).toList();
        // An interactive shell ignores SIGTERM, and what runs in a throwaway session has nothing to save.
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        Processes.awaitEnd(descendants, Duration.ofSeconds(2));
        master.close();
    }
}
