package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program for a test and returns what it printed (stdout and stderr merged, as a terminal shows). */
public final class Processes {

    private Processes() {
    }

    /** The pid of a process that has ended: no running process has it (until the system gives it out again). */
    public static long ended() {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String run(Path dir, Map<String, String> env, String... command) {
        return runWithInput("", dir, env, command);
    }

    /** As {@link #run}, {@code input} given on the program's standard input. */
    public static String runWithInput(String input, Path dir, Map<String, String> env, String... command) {
        Ran ran = ran(input, dir, env, command);
        if (ran.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + ran.exit() + ":\n" + ran.printed());
        }
        return ran.printed();
    }

    /** What a program printed, and its exit status. */
    public record Ran(int exit, String printed) {
    }

    /** As {@link #runWithInput}, for a program whose failure is what the test looks at: its status is returned. */
    public static Ran ran(String input, Path dir, Map<String, String> env, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Ran(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (is it installed? see .ci/setup)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
