package dev.rehearse.engine;

import dev.rehearse.guide.BadInput;
import dev.rehearse.read.GuideFormat;
import dev.rehearse.report.RunReport;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.RunsListener;
import dev.rehearse.run.Shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rehearse runs FOLDER}: every runbook under a folder, found as the JUnit engine finds them
 * ({@link RunbookFolders}), one after another, each on a fresh target with its reports in {@code DIR/NAME}; then
 * {@code runs.json} and one {@code junit.xml} in {@code DIR} ({@link FolderReport}). With a {@link Shard}, only that
 * slice of the runbooks, by name. A runbook that cannot be planned (its sidecar, a {@code --bind} it does not know)
 * fails on its own (did not start), not the others; a wrong {@code --target} is bad input of the command.
 */
public final class FolderRun {
    private final Path folder;
    private final Rehearsal rehearsal;
    private final Shard shard;
    private final boolean strict;

    /** @param strict a DRIFT fails a run (its junit.xml and the exit status) */
    public FolderRun(Path folder, Rehearsal rehearsal, Shard shard, boolean strict) {
        this.folder = folder;
        this.rehearsal = rehearsal;
        this.shard = shard;
        this.strict = strict;
    }

    /** @throws BadInput when the folder holds no runbook, or two runbooks of one name */
    public FolderResult run(Path dir, RunsListener listener) throws IOException {
        long started = System.nanoTime();
        Map<String, Path> byName = runbooks(folder);
        List<String> names = List.copyOf(byName.keySet());
        List<FolderResult.Ran> runs = new ArrayList<>();
        for (String name : shard.of(names, n -> n)) {
            Path runDir = dir.resolve(name);
            ReportedRun run;
            try {
                run = ReportedRun.of(rehearsal, byName.get(name), runDir, listener.runStarted(name), strict);
            } catch (BadInput e) {
                if (e.file().equals("--target")) {
                    throw e; // wrong for every runbook alike: the command line's mistake, not this runbook's
                }
                run = new ReportedRun(new RunReport(name, null, "did not start", List.of(), Duration.ZERO),
                        e.getMessage());
            }
            listener.runFinished(name, run);
            runs.add(new FolderResult.Ran(name, runDir, run));
        }
        FolderResult result = new FolderResult(folder.toAbsolutePath().normalize().getFileName().toString(), names,
                shard, strict, runs, Duration.ofNanos(System.nanoTime() - started));
        FolderReport.writeAll(result, dir);
        return result;
    }

    /** The runbooks under {@code folder} by name (a runbook folder's name, a bare guide's without its extension). */
    static Map<String, Path> runbooks(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInput(folder.toString(), 0, Files.exists(folder) ? "not a folder" : "no such folder");
        }
        Map<String, Path> byName = new TreeMap<>();
        for (Path runbook : RunbookFolders.find(folder)) {
            String file = runbook.getFileName().toString();
            String name = Files.isDirectory(runbook) || GuideFormat.of(runbook) == null || !file.contains(".") ? file
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
