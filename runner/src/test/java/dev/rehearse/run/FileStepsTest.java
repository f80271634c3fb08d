package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.model.TargetFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File steps never destroy what was there: run against a target of files held in memory (no shell needed). */
class FileStepsTest {
    private static final List<String> SECTION = List.of("Setup");

    /** A target that is only a file system: the seam the runner writes through. */
    private static final class Files implements Target {
        final Map<String, String> files = new HashMap<>();
        /** what the run asked of the target, in order: "files ahead", "read PATH", "write PATH" */
        final List<String> asked = new ArrayList<>();

        @Override
        public void filesAhead() {
            asked.add("files ahead");
        }

        @Override
        public String describe() {
            return "files";
        }

        @Override
        public TargetFacts facts() {
            return new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test");
        }

        @Override
        public Session openSession() {
            throw new AssertionError("a file step opened a shell");
        }

        @Override
        public Optional<String> readFile(String path) {
            asked.add("read " + path);
            return Optional.ofNullable(files.get(path));
        }

        @Override
        public void writeFile(String path, String content) {
            asked.add("write " + path);
            files.put(path, content);
        }

        @Override
        public void close() {
        }
    }

    private static RunReport run(Files target, Step... steps) {
        Guide guide = new Guide(Path.of("guide.rst"), Path.of("."), "rst", "G", List.of(), List.of());
        return new Runner(target, StepSelection.ALL, true, null).run(new Plan("g", guide, List.of(steps), new Bindings()));
    }

    /**
     * A run with file steps tells its target so before anything else, once (the container target opens its Docker
     * client then, in the background); a run without them never does.
     */
    @Test
    void theTargetIsToldOfFileStepsAheadOnceBeforeTheFirstAndOnlyThen() {
        Files target = new Files();
        run(target, new WriteStep(1, "guide.rst", 10, SECTION, "~/app.ini", "[app]\n", StepPolicy.DEFAULT),
                new WriteStep(2, "guide.rst", 20, SECTION, "~/more.ini", "[more]\n", StepPolicy.DEFAULT));
        assertEquals("files ahead", target.asked.get(0), target.asked.toString());
        assertEquals(1, target.asked.stream().filter("files ahead"::equals).count(), target.asked.toString());
        assertTrue(target.asked.contains("write /home/bob/more.ini"), target.asked.toString());

        Files none = new Files();
        run(none);
        assertEquals(List.of(), none.asked);
    }

    @Test
    void addingToTheBashrcKeepsWhatWasThereAndTheReportShowsBeforeAndAfter() {
        Files target = new Files();
        String bashrc = "# .bashrc\nif [ -f /etc/bashrc ]; then\n  . /etc/bashrc\nfi\n";
        target.files.put("/home/bob/.bashrc", bashrc);
        RunReport report = run(target, new WriteStep(1, "guide.rst", 10, SECTION, "~/.bashrc",
                "eval \"$(starship init bash)\"\n", StepPolicy.DEFAULT, true));
        assertEquals(bashrc + "eval \"$(starship init bash)\"\n", target.files.get("/home/bob/.bashrc"));
        StepResult result = report.results().get(0);
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(bashrc, result.expected(), "the bytes before");
        assertTrue(result.diff().startsWith("--- append ~/.bashrc (before, 57 bytes)\n+++ append ~/.bashrc (after, 86 bytes)\n"),
                result.diff());
        assertTrue(result.diff().contains("\n+eval \"$(starship init bash)\"\n"), result.diff());
    }

    @Test
    void aCreateNeverReplacesAFileThatWasThereBeforeTheRunButMayReplaceOneTheRunMade() {
        Files target = new Files();
        target.files.put("/home/bob/etc/services.d/app.ini", "[program:app]\ncommand=mine\n");
        RunReport report = run(target,
                new WriteStep(1, "guide.rst", 10, SECTION, "~/etc/services.d/app.ini", "[program:app]\ncommand=guide\n",
                        StepPolicy.DEFAULT),
                new WriteStep(2, "guide.rst", 20, SECTION, "/var/www/virtual/$USER/html/index.html", "one\n", StepPolicy.DEFAULT),
                new WriteStep(3, "guide.rst", 30, SECTION, "/var/www/virtual/${USER}/html/index.html", "two\n", StepPolicy.DEFAULT));
        assertEquals("[program:app]\ncommand=mine\n", target.files.get("/home/bob/etc/services.d/app.ini"));
        assertEquals(Verdict.FAIL, report.results().get(0).verdict());
        assertEquals("not replaced: ~/etc/services.d/app.ini was there before the run, and the guide creates it anew",
                report.results().get(0).reason());
        assertEquals("two\n", target.files.get("/var/www/virtual/bob/html/index.html"), "$USER is the target's");
        assertEquals(Verdict.PASS, report.results().get(2).verdict());
    }

    @Test
    void aMergeSetsTheFragmentsKeysAndKeepsEveryOtherLine() {
        Files target = new Files();
        target.files.put("/home/bob/gitea/custom/conf/app.ini", "[server]\n; keep me\nHTTP_PORT = 3000\n");
        target.files.put("/home/bob/app/config.yaml", "# mine\nname: app\nport: 1\n");
        run(target,
                new EditStep(1, "guide.rst", 10, SECTION, "~/gitea/custom/conf/app.ini", "ini", "[server]\nHTTP_PORT = 40132",
                        StepPolicy.DEFAULT),
                new EditStep(2, "guide.rst", 20, SECTION, "~/app/config.yaml", "yaml", "port: 4711", StepPolicy.DEFAULT));
        assertEquals("[server]\n; keep me\nHTTP_PORT = 40132\n", target.files.get("/home/bob/gitea/custom/conf/app.ini"));
        assertEquals("# mine\nname: app\nport: 4711\n", target.files.get("/home/bob/app/config.yaml"));
    }
}
