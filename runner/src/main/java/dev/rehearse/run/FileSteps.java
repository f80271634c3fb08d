package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.UnifiedDiff;
import dev.rehearse.check.Verdict;
import dev.rehearse.files.IniMerge;
import dev.rehearse.files.SecretSettings;
import dev.rehearse.files.Backups;
import dev.rehearse.files.YamlMerge;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetPaths;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the file steps so that a write never destroys what was there: a create replaces a file only when the file
 * did not exist before the run (so the run made it); an append adds to the end; a merge sets the fragment's keys and
 * keeps every other line. Each result shows the file's bytes before and after as a diff.
 */
final class FileSteps {
    private final Target target;
    private final Backups backups;
    /** the files a create names that were there before the run started: never replaced */
    private final Set<String> thereBefore;
    /**
     * the files a step of this run wrote: what they hold when a later step changes them the run put there, often a
     * secret it bound, which no backup keeps (the report folder holds none)
     */
    private final Set<String> writtenByTheRun = new HashSet<>();

    /**
     * @param backups     where the original of each file a step changes is kept until the run ends
     * @param thereBefore those of the plan's {@link #created} files that were there before the run started
     */
    FileSteps(Target target, Backups backups, Set<String> thereBefore) {
        this.target = target;
        this.backups = backups;
        this.thereBefore = Set.copyOf(thereBefore);
    }

    /** Whether the plan writes or edits a file. */
    static boolean anyIn(Plan plan) {
        return plan.steps().stream().anyMatch(step -> step instanceof WriteStep || step instanceof EditStep);
    }

    /** The files the plan's steps create (not those they append to), as absolute paths on the target. */
    static List<String> created(Plan plan, Target target) {
        Set<String> paths = new LinkedHashSet<>();
        for (Step step : plan.steps()) {
            if (step instanceof WriteStep w && !w.append()) {
                paths.add(resolve(plan.bindings(), w.path(), target.facts(), null));
            }
        }
        return List.copyOf(paths);
    }

    StepResult run(Step step, Bindings bindings, String cwd, long started) {
        String path = resolve(bindings, step instanceof WriteStep w ? w.path() : ((EditStep) step).path(),
                target.facts(), cwd);
        Optional<String> before = target.readFile(path);
        String after;
        if (step instanceof WriteStep w && !w.append()) {
            if (thereBefore.contains(path)) {
                return result(step, Verdict.FAIL, w.content(), "", "", "not replaced: " + w.path()
                        + " was there before the run, and the guide creates it anew", started);
            }
            after = bindings.apply(w.content());
        } else if (step instanceof WriteStep w) {
            String old = before.orElse("");
            after = old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + bindings.apply(w.content());
        } else {
            EditStep e = (EditStep) step;
            if (before.isEmpty()) {
                return result(step, Verdict.FAIL, e.fragment(), "", "", "there is no " + e.path() + " to merge into", started);
            }
            String fragment = bindings.apply(e.fragment());
            after = e.format().equals("yaml")
                    ? YamlMerge.merge(before.get(), e.path(), fragment, e.source() + ":" + e.line())
                    : IniMerge.merge(before.get(), fragment, e.format().equals("toml"));
        }
        if (!writtenByTheRun.contains(path)) {
            // whatever else made it: a path the run could not see at its start (through a folder or a link it makes
            // later, ~/new/../app.ini) may reach a file that was there
            before.ifPresent(original -> backups.keep(path, original));
        }
        target.writeFile(path, after);
        writtenByTheRun.add(path);
        String shownBefore = SecretSettings.hide(bindings.reverse(before.orElse("")));
        String shownAfter = SecretSettings.hide(bindings.reverse(after));
        return result(step, Verdict.PASS, shownBefore, shownAfter, diff(step, shownBefore, shownAfter), null, started);
    }

    private static String resolve(Bindings bindings, String path, TargetFacts facts, String cwd) {
        return TargetPaths.resolve(bindings.apply(path), facts, cwd);
    }

    /** The bytes before and after, as a unified diff headed by what the step did ({@code append ~/.bashrc}). */
    private static String diff(Step step, String before, String after) {
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        String title = title(step);
        return UnifiedDiff.of(title + " (before, " + bytes(before) + ")", title + " (after, " + bytes(after) + ")",
                a, b);
    }

    /** What a file step does, as progress and reports say it: {@code append ~/.bashrc}. */
    static String title(Step step) {
        return step instanceof WriteStep w ? w.verb() + " " + w.path() : ((EditStep) step).verb() + " " + ((EditStep) step).path();
    }

    private static String bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length + " bytes";
    }

    private static StepResult result(Step step, Verdict verdict, String expected, String actual, String diff,
                                     String why, long started) {
        return new StepResult(step, verdict, verdict == Verdict.PASS ? 0 : -1, expected, actual, diff, why,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
