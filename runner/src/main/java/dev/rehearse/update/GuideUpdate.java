package dev.rehearse.update;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.read.common.SourceText;
import dev.rehearse.targets.OutputLimit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what the world prints today back into a guide: for every drifted step, its expected-output lines are
 * revised ({@link GuideRevision}); every other byte of every file stays as it was. Works on the guide and its
 * includes alike, whatever the format, because it only ever replaces whole lines it knows the origin of.
 */
public final class GuideUpdate {

    /** A step that drifted and what it really printed, in the guide's terms (bindings reversed, secrets hidden). */
    public record Drift(CommandStep step, String actual) {
    }

    /** One file that changes: its text as read and as revised. */
    public record Revision(Path file, String before, String after) {
    }

    private GuideUpdate() {
    }

    /**
     * @param root the guide's source root: each step's {@link CommandStep#source()} is relative to it
     * @return each file that changes, in the order the drifts name them
     */
    public static List<Revision> revise(Path root, List<Drift> drifts) {
        return revise(root, drifts, Set.of());
    }

    /**
     * @param given values the run was given ({@code --bind}): a new line that shows one is written as an elision,
     *              as are lines naming the test host's paths or timings
     */
    public static List<Revision> revise(Path root, List<Drift> drifts, Set<String> given) {
        HostSpecific host = new HostSpecific(given);
        Map<Path, List<Drift>> byFile = new LinkedHashMap<>();
        for (Drift drift : drifts) {
            byFile.computeIfAbsent(root.resolve(drift.step().source()).normalize(), f -> new ArrayList<>()).add(drift);
        }
        List<Revision> revised = new ArrayList<>();
        byFile.forEach((file, fileDrifts) -> {
            String text = SourceText.read(file);
            List<String> lines = LineSplice.split(text).stream().map(l -> l[0]).toList();
            List<LineSplice.Replacement> replacements = new ArrayList<>();
            for (Drift drift : fileDrifts) {
                if (drift.step().line() > lines.size()) {
                    throw new BadInput(file.toString(), drift.step().line(),
                            "step " + drift.step().n() + " is past the end of the file: the guide changed since the run");
                }
                if (drift.actual().lines().anyMatch(l -> l.startsWith(OutputLimit.CUT_MARKER))) {
                    // the guide would get thousands of lines and a marker that stands for what was not kept
                    throw new BadInput(file.toString(), drift.step().line(), "step " + drift.step().n()
                            + " printed more than max_output kept: its output is not written into the guide "
                            + "(its whole output is in the report folder, output/step-" + drift.step().n() + ".log)");
                }
                replacements.addAll(GuideRevision.of(drift.step(), drift.actual(), lines, host, file.toString()));
            }
            String updated = LineSplice.apply(text, replacements);
            if (!updated.equals(text)) {
                revised.add(new Revision(file, text, updated));
            }
        });
        return revised;
    }

}
