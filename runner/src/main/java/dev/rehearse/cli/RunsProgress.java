package dev.rehearse.cli;

import dev.rehearse.report.Summary;
import dev.rehearse.run.ReportedRun;
import dev.rehearse.run.RunListener;
import dev.rehearse.run.RunsListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of many runs (a matrix's values, a folder's runbooks): one line per finished step of every run, each
 * prefixed with its run's label ({@code [NAME=V]}, {@code [RUNBOOK]}), and a line when each run starts and ends.
 */
final class RunsProgress implements RunsListener {
    private final PrintWriter out;

    RunsProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public RunListener runStarted(String label) {
        line(label, "started");
        return new LiveProgress(new PrintWriter(new PrefixedLines(out, "[" + label + "] ")), false, false, 100);
    }

    @Override
    public void passedOver(String label) {
        line(label, "passed over: no step (no command to type, no file to write)");
    }

    @Override
    public void runFinished(String label, ReportedRun run) {
        if (run.error() != null) {
            line(label, "did not start: " + run.error());
            return;
        }
        Summary summary = Summary.of(run.report());
        line(label, String.format(Locale.ROOT, "%s: %d pass, %d drift, %d fail, %d skip in %s on %s",
                summary.status(), summary.pass(), summary.drift(), summary.fail(), summary.skip(),
                LiveProgress.seconds(summary.elapsed()), run.report().target()));
    }

    private void line(String label, String text) {
        synchronized (out) {
            out.println("[" + label + "] " + text);
            out.flush();
        }
    }
}
