package dev.rehearse.engine;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.RunbookFolders;
import dev.rehearse.read.GuideFormat;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Interruption;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.RunsListener;
import dev.rehearse.run.Shard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code rehearse runs FOLDER}: every runbook under a folder, found as the JUnit engine finds them
 * ({@link RunbookFolders}), one after another, each on a fresh target with its reports in {@code DIR/NAME}; then
 * {@code runs.json} and one {@code junit.xml} in {@code DIR} ({@link FolderReport}). With a {@link Shard}, only that
 * slice of the runbooks, by name. With {@code --vary NAME=V1,V2,...} every runbook runs under every value, a pair a
 * run on a fresh target with NAME bound to V, its reports in {@code DIR/RUNBOOK[NAME=V]} ({@link FolderPairs}), and
 * a shard is a slice of the pairs. A runbook that cannot be planned (its sidecar, a {@code --bind} it does not know)
 * fails on its own (did not start), not the others; a wrong {@code --target}, or a runbook that does not use the
 * variable {@code --vary} names, is bad input of the command.
 */
public final class FolderRun {
    /** stops the run under way and keeps the rest from starting (Ctrl-C, SIGTERM) */
    private Interruption stop = new Interruption();

    private final Path folder;
    private final Rehearsal rehearsal;
    private final Shard shard;
    private final boolean strict;
    private final String variable;
    private final List<String> values;

    /**
     * @param strict   a DRIFT fails a run (its junit.xml and the exit status)
     * @param variable the variable {@code --vary} names, or null to run each runbook once
     * @param values   its values, in the order given (the columns of runs.html); empty without a variable
     */
    public FolderRun(Path folder, Rehearsal rehearsal, Shard shard, boolean strict, String variable,
                     List<String> values) {
        this.folder = folder;
        this.rehearsal = rehearsal;
        this.shard = shard;
        this.strict = strict;
        this.variable = variable;
        this.values = values;
    }

    /** This run of runs, stopped by {@code stop}. */
    public FolderRun interruptibleBy(Interruption stop) {
        this.stop = stop;
        return this;
    }

    /**
     * @throws BadInput when the folder holds no runbook, two runbooks of one name, or a runbook that does not use
     *                  the variable (before anything runs, in every shard alike)
     */
    public FolderResult run(Path dir, RunsListener listener) throws IOException {
        long started = System.nanoTime();
        Map<String, Path> byName = runbooks(folder);
        withoutPagesOfNoStep(byName, listener);
        FolderPairs pairs = new FolderPairs(List.copyOf(byName.keySet()), variable, values);
        pairs.all().forEach(pair -> checkUsed(pair, byName.get(pair.runbook())));
        List<FolderResult.Ran> runs = new ArrayList<>();
        for (FolderPairs.Pair pair : shard.of(pairs.all(), FolderPairs::order)) {
            String name = pairs.label(pair);
            Path runDir = dir.resolve(name);
            ReportedRun run;
            try {
                run = ReportedRun.of(forPair(pair), byName.get(pair.runbook()), runDir, () -> listener.runStarted(name),
                        strict, stop);
            } catch (BadInput e) {
                if (e.file().equals("--target")) {
                    throw e; // wrong for every runbook alike: the command line's mistake, not this runbook's
                }
                run = new ReportedRun(new RunReport(name, null, "did not start", List.of(), Duration.ZERO),
                        e.getMessage());
            }
            listener.runFinished(name, run);
            runs.add(new FolderResult.Ran(pair, runDir, run));
        }
        FolderResult result = new FolderResult(folder.toAbsolutePath().normalize().getFileName().toString(), pairs,
                shard, strict, runs, Duration.ofNanos(System.nanoTime() - started));
        FolderReport.writeAll(result, dir);
        return result;
    }

    /** Leaves out the pages of no step ({@link Rehearsal#withoutPagesOfNoStep}), each said so. */
    private void withoutPagesOfNoStep(Map<String, Path> byName, RunsListener listener) {
        Set<Path> kept = new HashSet<>(rehearsal.withoutPagesOfNoStep(List.copyOf(byName.values())));
        for (Iterator<Map.Entry<String, Path>> each = byName.entrySet().iterator(); each.hasNext(); ) {
            Map.Entry<String, Path> runbook = each.next();
            if (!kept.contains(runbook.getValue())) {
                listener.passedOver(runbook.getKey());
                each.remove();
            }
        }
        if (byName.isEmpty()) {
            throw new BadInput(folder.toString(), 0, "holds no guide with a step to run (a command to type or a "
                    + "file to write)");
        }
    }

    private Rehearsal forPair(FolderPairs.Pair pair) {
        return pair.value() == null ? rehearsal : rehearsal.withBinds(Map.of(variable, pair.value()));
    }

    /**
     * Plans the pair, as {@code matrix} plans every value, to refuse a runbook the variable would bind nothing in
     * (its pairs would all test the same thing, in green) or a value that cannot be bound safely. A runbook that
     * cannot be planned for another reason is left to fail on its own when it runs.
     */
    private void checkUsed(FolderPairs.Pair pair, Path runbook) {
        if (pair.value() == null) {
            return;
        }
        try {
            forPair(pair).preview(runbook);
        } catch (BadInput e) {
            if (e.file().equals("--bind " + variable)) {
                throw new BadInput(runbook.toString(), 0, "--vary " + variable + ": " + e.problem());
            }
        }
    }

    /**
     * The runbooks under {@code folder} by name: a runbook folder's path below it, a bare guide's without its
     * extension ({@code guide_x}, {@code docs/api/index}: a documentation site has an {@code index.md} in many a
     * folder).
     */
    static Map<String, Path> runbooks(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInput(folder.toString(), 0, Files.exists(folder) ? "not a folder" : "no such folder");
        }
        Map<String, Path> byName = new TreeMap<>();
        for (Path runbook : RunbookFolders.find(folder)) {
            String file = folder.relativize(runbook).toString().replace(File.separatorChar, '/');
            String name = Files.isDirectory(runbook) || GuideFormat.of(runbook) == null
                    || !runbook.getFileName().toString().contains(".") ? file
                    : file.substring(0, file.lastIndexOf('.'));
            Path other = byName.put(name, runbook);
            if (other != null) {
                throw new BadInput(folder.toString(), 0, "two runbooks are named " + name + " (" + other + " and "
                        + runbook + "): their reports would share a folder");
            }
        }
        if (byName.isEmpty()) {
            throw new BadInput(folder.toString(), 0, "holds no runbook (no guide file, no runbook.yaml)");
        }
        return byName;
    }
}
