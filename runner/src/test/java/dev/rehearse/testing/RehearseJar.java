package dev.rehearse.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line as users get it: the shaded jar that {@code mvn package} built (failsafe passes its path as
 * {@code rehearse.jar}), run by {@code java -jar} in a process of its own, or through the {@code ./rehearse} launcher.
 * Tests of the command line go through here, never through the classes on the test class path. The environment is
 * this one's without any {@code TESTCONTAINERS_*} variable, as on a user's machine.
 */
public final class RehearseJar {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RehearseJar() {
    }

    /** A finished command: its exit status and what it wrote on each stream. */
    public record Outcome(int exit, String out, String err) {

        /** Both streams, for failure messages. */
        public String both() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** The jar under test; fails (never skips) when the build has not made it. */
    public static Path jar() {
        String jar = System.getProperty("rehearse.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("no command-line jar at " + jar + ": run the command-line tests with mvn verify");
        }
        return Path.of(jar);
    }

    /** {@code java -jar rehearse.jar ARGS} in the checkout's root. */
    public static Outcome run(String... args) {
        return in(Checkout.root(), Map.of(), args);
    }

    /** {@code java -jar rehearse.jar ARGS} in {@code dir}, with {@code env} added to this process's environment. */
    public static Outcome in(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return start(dir, env, command);
    }

    /** {@code java -jar JAR ARGS} in {@code dir}: a copy of the jar elsewhere, as a user may keep it. */
    public static Outcome run(Path jar, Path dir, List<String> args) {
        return runIn(jar, dir, Map.of(), args);
    }

    /** As {@link #run(Path, Path, List)}, with {@code env} added to the environment. */
    public static Outcome runIn(Path jar, Path dir, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        return start(dir, env, command);
    }

    /** Any program in {@code dir}, in the environment the jar gets. */
    public static Outcome exec(Path dir, List<String> command) {
        return start(dir, Map.of(), command);
    }

    /** {@code ./rehearse ARGS} (the launcher the README names) in {@code dir}. */
    public static Outcome launcher(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Checkout.root().resolve("rehearse").toString()));
        command.addAll(List.of(args));
        return start(dir, env, command);
    }

    /** The java of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Outcome start(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // as on a user's machine: the jar must need none of Testcontainers' variables
        builder.environment().keySet().removeIf(name -> name.startsWith("TESTCONTAINERS_"));
        builder.environment().putAll(env);
        return finish(builder, null, TIMEOUT);
    }

    /**
     * Runs {@code builder}'s program to its end with {@code input} on its standard input (nothing when null), its
     * output kept in files (no pipe to fill); fails the test when it outlives {@code timeout}.
     */
    public static Outcome finish(ProcessBuilder builder, String input, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("rehearse-cli", ".out");
            err = Files.createTempFile("rehearse-cli", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            Process process = builder.start();
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("timed out after " + timeout + ": " + builder.command() + "\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + builder.command() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + builder.command(), e);
        } finally {
            for (Path file : new Path[] {out, err}) {
                if (file != null) {
                    file.toFile().delete();
                }
            }
        }
    }
}
