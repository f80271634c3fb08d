package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line as users get it: {@code java -jar runner/target/rehearse.jar ARGS}, the shaded jar the build
 * made (run {@code mvn package} first), in a fresh JVM. The environment is this one's without any
 * {@code TESTCONTAINERS_*} variable, as on a user's machine: the jar must need none of them.
 */
public final class CliJar {

    private CliJar() {
    }

    /** What one run printed and how it ended. */
    public record Ran(int exit, String out, String err) {
        /** Both streams, for a failure message. */
        public String printed() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The repository's root (the build passes it as {@code rehearse.root}). */
    public static Path root() {
        return Path.of(System.getProperty("rehearse.root", "..")).toAbsolutePath().normalize();
    }

    /** runner/target/rehearse.jar; fails with what to do when the build has not made it. */
    public static Path path() {
        Path jar = root().resolve("runner/target/rehearse.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build it first (mvn -o -q -DskipTests package -pl runner)");
        }
        return jar;
    }

    /** {@code java -jar JAR ARGS} in {@code dir}. */
    public static Ran run(Path jar, Path dir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(args);
        return exec(dir, command);
    }

    /** {@code java -jar runner/target/rehearse.jar ARGS} in {@code dir}. */
    public static Ran run(Path dir, String... args) {
        return run(path(), dir, List.of(args));
    }

    /** A program run in {@code dir} with this environment minus Testcontainers' variables; 10 minutes at most. */
    public static Ran exec(Path dir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TESTCONTAINERS_"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes");
            }
            return new Ran(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The java of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
