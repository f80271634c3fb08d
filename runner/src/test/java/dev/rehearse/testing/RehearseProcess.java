package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code ./rehearse ARGS} as a real process of its own (the built jar, through the launcher), its output (stdout and
 * stderr merged) going to a file, so that a test can send it real signals while it runs. Once the launcher has
 * recorded its class-data archive it {@code exec}s the JVM, so the process's pid is the JVM's: {@link #warmUp()}
 * makes sure of that.
 */
public final class RehearseProcess implements AutoCloseable {
    public static final Path ROOT = Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private RehearseProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Runs the launcher once, so that it has its class-data archive and {@code exec}s the JVM from then on (the
     * first run after a build records the archive with the JVM as a child of the script).
     */
    public static void warmUp() {
        try (RehearseProcess version = start(Map.of(), List.of(), "--version")) {
            version.waitFor();
        }
    }

    /**
     * @param env    added to this process's environment
     * @param prefix what runs the launcher ({@code setpriv ...} to run it as another user), or nothing
     */
    public static RehearseProcess start(Map<String, String> env, List<String> prefix, String... args) {
        List<String> launcher = new ArrayList<>(prefix);
        launcher.add(ROOT.resolve("rehearse").toString());
        return startProgram(env, launcher, args);
    }

    /**
     * @param program the command line that runs Rehearse ({@code setpriv ... java -jar COPY} for another user, who
     *                may not reach the checkout), to which {@code args} are added
     */
    public static RehearseProcess startProgram(Map<String, String> env, List<String> program, String... args) {
        List<String> command = withCtrlC(program);
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("rehearse-process-", ".log");
            log.toFile().setReadable(true, false);
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            return new RehearseProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * {@code program} with Ctrl-C (SIGINT) as a terminal gives it: a process started in the background of a script
     * ({@code nohup mvn verify &}) ignores SIGINT, and so would every process it starts (a JVM keeps a signal
     * ignored), so that a test of Ctrl-C would wait in vain. {@code env} then executes the program in its place (the
     * pid stays the program's).
     */
    public static List<String> withCtrlC(List<String> program) {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(program);
        return command;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends the signal ({@code INT}, {@code TERM}, {@code KILL}) to this process only, with kill(1). */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + pid() + " failed:\n" + output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for the process to end; returns its exit status. */
    public int waitFor() {
        try {
            if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after " + PATIENCE + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What it printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds, failing with what the process printed when it never does. */
    public void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("never saw " + what + "; the run printed:\n" + output());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file
        }
    }
}
