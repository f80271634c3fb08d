package dev.rehearse.targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write of a known length, for a way to the target that cannot end the script's input (the Docker client's
 * exec), run by this machine's own sh: it ends by itself, and where it cannot be done the ordinary write is.
 */
class UserFilesTest {

    /** Runs the script here, its input written and left open, as over a connection nobody half-closes. */
    private static UserFiles.Ran neverEndingInput(List<String> argv, byte[] input) {
        try {
            Process process = new ProcessBuilder(argv).start();
            OutputStream in = process.getOutputStream();
            in.write(input);
            in.flush();
            try {
                assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the script waited for the end of its input");
                return new UserFiles.Ran(process.exitValue(), "",
                        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                process.destroyForcibly();
                in.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWriteOfAKnownLengthEndsWithoutTheEndOfItsInput(@TempDir Path dir) throws IOException {
        List<String> ops = new ArrayList<>();
        UserFiles.Exec plain = (argv, input) -> {
            ops.add("plain " + argv.get(4));
            throw new AssertionError("the ordinary write was not needed");
        };
        UserFiles files = new UserFiles(plain, (argv, input) -> {
            ops.add("sized " + argv.get(4));
            return neverEndingInput(argv, input);
        });
        Path file = dir.resolve("etc/app.ini");
        String content = "[app]\npassword = ünïcödé\n".repeat(4000);
        files.write(file.toString(), content);
        assertEquals(content, Files.readString(file));
        assertEquals(List.of("sized write-sized"), ops);
        assertEquals(List.of("app.ini"), names(file.getParent()), "no temporary file left");

        files.write(file.toString(), "");
        assertEquals("", Files.readString(file), "an empty content is a length too");
    }

    /** A target whose head reads no number of bytes (-c is not POSIX) says so, and the ordinary write is made. */
    @Test
    void whereTheTargetCannotReadALengthTheOrdinaryWriteIsMade(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path head = bin.resolve("head");
        Files.writeString(head, "#!/bin/sh\necho 'head: invalid option -- c' >&2\nexit 1\n");
        assertTrue(head.toFile().setExecutable(true));
        List<String> ops = new ArrayList<>();
        UserFiles files = new UserFiles((argv, input) -> {
            ops.add("plain " + argv.get(4));
            return UserFiles.locally(List.of(), Map.of()).run(argv, input);
        }, (argv, input) -> {
            ops.add("sized " + argv.get(4));
            List<String> withHead = new ArrayList<>(List.of("env", "PATH=" + bin + ":/usr/bin:/bin"));
            withHead.addAll(argv);
            return neverEndingInput(withHead, input);
        });
        Path file = dir.resolve("notes.txt");
        files.write(file.toString(), "whole\n");
        assertEquals("whole\n", Files.readString(file));
        assertEquals(List.of("sized write-sized", "plain write"), ops);
    }

    @Test
    void aWayThatCannotCarryInputGivesWayAndARefusalIsNotRetried(@TempDir Path dir) throws IOException {
        List<String> ops = new ArrayList<>();
        UserFiles.Exec plain = (argv, input) -> {
            ops.add("plain " + argv.get(4));
            return UserFiles.locally(List.of(), Map.of()).run(argv, input);
        };
        Path file = dir.resolve("a.txt");
        new UserFiles(plain, (argv, input) -> {
            throw new UncheckedIOException(new IOException("no hijacked connection"));
        }).write(file.toString(), "carried\n");
        assertEquals("carried\n", Files.readString(file));
        assertEquals(List.of("plain write"), ops);

        ops.clear();
        UserFiles refusing = new UserFiles(plain, (argv, input) -> new UserFiles.Ran(3, "", "Permission denied\n"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> refusing.write(file.toString(), "other\n"));
        assertEquals("cannot write " + file + " as the run's user: Permission denied", refused.getMessage());
        assertEquals(List.of(), ops, "a refusal is the answer, not a reason to try the other way");
        assertEquals("carried\n", Files.readString(file));
    }

    private static List<String> names(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
