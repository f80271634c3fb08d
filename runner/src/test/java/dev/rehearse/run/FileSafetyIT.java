package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile steps against the files Rehearse writes on their behalf, as root on the local target (the run's user is
 * one made for the run): a link to a root-only file, a folder link out, a link to the user's own file, a write cut
 * short or killed, and the temporary file's mode while the content goes in.
 */
class FileSafetyIT {
    private LocalTarget target;
    private Path rootOnly;
    private Path secret;

    @BeforeEach
    void open() throws IOException {
        assertEquals("root", System.getProperty("user.name"), "these cases need a run user: run them as root, as CI does");
        target = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(300)));
        rootOnly = Files.createTempDirectory("rehearse-root-only-");
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwx------"));
        secret = Files.writeString(rootOnly.resolve("secret.conf"), "root's own: s3cr3t-Value\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void close() throws IOException {
        target.close();
        try (Stream<Path> all = Files.walk(rootOnly)) {
            for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    private RunReport run(Steps steps, Path reports) {
        return new Runner(target, StepSelection.ALL, false, RunListener.NONE).keepingOriginalsIn(reports)
                .run(steps.plan(Steps.bindingsFor(target.facts())));
    }

    @Test
    void aLinkToARootFileIsNeitherWrittenNorReadThrough(@TempDir Path reports) throws IOException {
        Steps steps = new Steps()
                .command("ln -s " + secret + " ~/app.ini && ln -s " + secret + " ~/app.yaml")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/app.ini", "[app]\ntaken=yes\n",
                        StepPolicy.DEFAULT))
                .step(new EditStep(3, "fixture.rst", 30, List.of("Test"), "~/app.yaml", "yaml", "taken: yes\n",
                        StepPolicy.DEFAULT));
        RunReport report = new Runner(target, StepSelection.ALL, true, RunListener.NONE)
                .keepingOriginalsIn(reports).run(steps.plan(Steps.bindingsFor(target.facts())));

        List<StepResult> results = report.results();
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.FAIL),
                results.stream().map(StepResult::verdict).toList(), results::toString);
        // the reason is in the guide's terms: the sandbox HOME maps back to /home/isabell
        assertEquals("cannot read /home/isabell/app.ini as the run's user: /home/isabell/app.ini is a symbolic link"
                + " to " + secret + ", which the run's user does not own: not followed", results.get(1).reason());
        assertFalse(results.get(2).reason().contains("\n"), results.get(2).reason());
        assertEquals("root's own: s3cr3t-Value\n", Files.readString(secret));
        assertEquals("root", Files.getOwner(secret).getName());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        try (Stream<Path> kept = Files.walk(reports)) {
            assertFalse(kept.anyMatch(Files::isRegularFile), "nothing was backed up: nothing was read");
        }
        Reports.writeAll(report, reports);
        try (Stream<Path> written = Files.walk(reports)) {
            assertFalse(written.filter(Files::isRegularFile).map(FileSafetyIT::read).anyMatch(t -> t.contains("s3cr3t")),
                    "the root file's content reached no report");
        }
    }

    @Test
    void aFolderLinkOutIsWalkedAsTheUserWouldAndFails(@TempDir Path reports) {
        RunReport report = run(new Steps()
                .command("ln -s " + rootOnly + " ~/etc")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/etc/services.d/app.ini", "[x]\n",
                        StepPolicy.DEFAULT)), reports);
        StepResult write = report.results().get(1);
        assertEquals(Verdict.FAIL, write.verdict());
        assertTrue(write.reason().endsWith("Permission denied") && !write.reason().contains("\n"), write.reason());
        assertFalse(Files.exists(rootOnly.resolve("services.d")));
    }

    /**
     * A path that is a FIFO (also through the user's own link) or a folder is left as it is, in one line, at once:
     * reading the FIFO's original waited for a writer that never came, and the rename put the file inside the folder.
     */
    @Test
    void aFifoOrAFolderAtThePathIsLeftAsItIs(@TempDir Path reports) throws IOException {
        Steps steps = new Steps()
                .command("mkfifo ~/fifo.ini && mkdir ~/folder.ini && ln -s fifo.ini ~/link.yaml")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/fifo.ini", "[x]\n", StepPolicy.DEFAULT))
                .step(new WriteStep(3, "fixture.rst", 30, List.of("Test"), "~/folder.ini", "[x]\n", StepPolicy.DEFAULT))
                .step(new EditStep(4, "fixture.rst", 40, List.of("Test"), "~/link.yaml", "yaml", "a: 1\n",
                        StepPolicy.DEFAULT))
                .command("ls -A ~/folder.ini; test -p ~/fifo.ini && echo fifo", "fifo");
        RunReport report = new Runner(target, StepSelection.ALL, true, RunListener.NONE)
                .keepingOriginalsIn(reports).run(steps.plan(Steps.bindingsFor(target.facts())));

        List<StepResult> results = report.results();
        assertEquals(List.of(Verdict.PASS, Verdict.FAIL, Verdict.FAIL, Verdict.FAIL, Verdict.PASS),
                results.stream().map(StepResult::verdict).toList(), results::toString);
        for (String name : List.of("fifo.ini", "folder.ini")) {
            assertTrue(results.stream().anyMatch(r -> ("cannot read /home/isabell/" + name + " as the run's user: "
                    + "/home/isabell/" + name + " is no regular file (a folder, a FIFO, a socket or a device): left as "
                    + "it is").equals(r.reason())), results::toString);
        }
        assertTrue(results.get(3).reason().endsWith("/home/isabell/fifo.ini is no regular file (a folder, a FIFO, a "
                + "socket or a device): left as it is"), results.get(3).reason());
        assertTrue(results.stream().allMatch(r -> r.elapsed().toSeconds() < 30), "none waited: " + results);
    }

    @Test
    void aLinkTheUserMadeToTheirOwnFileIsWrittenThrough(@TempDir Path reports) throws IOException {
        RunReport report = run(new Steps()
                .command("mkdir -p ~/conf && echo old > ~/conf/real.ini && ln -s conf/real.ini ~/app.ini")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/app.ini", "new\n", StepPolicy.DEFAULT))
                .command("readlink ~/app.ini; cat ~/conf/real.ini; ls -A ~/conf", "conf/real.ini", "new", "real.ini"),
                reports);
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS),
                report.results().stream().map(StepResult::verdict).toList(), report.results()::toString);
        try (Stream<Path> kept = Files.walk(reports)) {
            assertEquals(List.of("old\n"), kept.filter(Files::isRegularFile).map(FileSafetyIT::read).toList(),
                    "what the file held is kept, though the run wrote it");
        }
    }

    /**
     * A path the run cannot see at its start, through a folder it makes later, reaches a file that was there: what
     * the step replaces is kept (it was lost: the path was not there at the start, so the run counted the file its own).
     */
    @Test
    void whatAStepReplacesIsKeptWhateverPathReachesIt(@TempDir Path reports) throws IOException {
        run(new Steps().command("echo precious > ~/existing.ini"), reports.resolve("before"));
        RunReport report = run(new Steps()
                .command("mkdir -p ~/d")
                .step(new WriteStep(2, "fixture.rst", 20, List.of("Test"), "~/d/../existing.ini", "new=1\n",
                        StepPolicy.DEFAULT))
                .command("cat ~/existing.ini", "new=1"), reports.resolve("run"));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS),
                report.results().stream().map(StepResult::verdict).toList(), report.results()::toString);
        try (Stream<Path> kept = Files.walk(reports.resolve("run"))) {
            assertEquals(List.of("precious\n"), kept.filter(Files::isRegularFile).map(FileSafetyIT::read).toList());
        }
    }

    @Test
    void theTemporaryFileHasTheFinalModeBeforeAnyContentAndACutWriteChangesNothing() throws Exception {
        Path file = Path.of(target.facts().home(), "private.conf");
        target.writeFile(file.toString(), "old\n");
        ownedByRunUser("chmod 600 " + file);
        byte[] content = "password: hunter2-and-more\n".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        // the content goes in in two halves; between them the script waits in `cat` and its file is looked at
        UserFiles halting = new UserFiles((argv, input) -> {
            List<String> all = new ArrayList<>(List.of("runuser", "-u", target.facts().user(), "--"));
            all.addAll(argv);
            try {
                Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
                try (OutputStream in = p.getOutputStream()) {
                    Path temp = awaitTemp(file);
                    seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
                    in.write(input, 0, input.length / 2);
                    in.flush();
                    while (Files.size(temp) == 0) {
                        Thread.sleep(5);
                    }
                    seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
                    in.write(input, input.length / 2, input.length - input.length / 2);
                }
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return new UserFiles.Ran(p.waitFor(), "", said);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        halting.write(file.toString(), new String(content, StandardCharsets.UTF_8));
        assertEquals(List.of("rw-------", "rw-------"), seen,
                "the temporary file is private from the start and has the old file's mode when the content goes in");
        assertEquals("password: hunter2-and-more\n", Files.readString(file));

        // the JVM dies halfway through a write: the script sees its input end early
        UserFiles cut = new UserFiles((argv, input) -> {
            List<String> all = new ArrayList<>(List.of("runuser", "-u", target.facts().user(), "--"));
            all.addAll(argv);
            try {
                Process p = new ProcessBuilder(all).start();
                try (OutputStream in = p.getOutputStream()) {
                    in.write(input, 0, 5);
                }
                String said = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                return new UserFiles.Ran(p.waitFor(), "", said);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> cut.write(file.toString(), "a much longer new content\n"));
        assertTrue(refused.getMessage().endsWith("arrived cut short; nothing changed"), refused.getMessage());
        assertEquals("password: hunter2-and-more\n", Files.readString(file));
        assertEquals(List.of("private.conf"), names(file.getParent()), "no temporary file left");

        // a write killed outright leaves its temporary file: the next write of that file removes it
        Path leftover = file.resolveSibling(".private.conf.12345.rehearse-tmp");
        ownedByRunUser("echo half > " + leftover);
        target.writeFile(file.toString(), "last\n");
        assertEquals(List.of("private.conf"), names(file.getParent()));
        assertEquals("last\n", Files.readString(file));
    }

    private void ownedByRunUser(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("runuser", "-u", target.facts().user(), "--", "sh", "-c", command).start();
        assertEquals(0, p.waitFor(), command);
    }

    private static Path awaitTemp(Path file) throws IOException, InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                List<Path> temps = siblings.filter(p -> p.getFileName().toString().endsWith(".rehearse-tmp")).toList();
                if (!temps.isEmpty()) {
                    return temps.get(0);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no temporary file appeared beside " + file);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".bash") && !n.equals(".profile"))
                    .sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
