package dev.rehearse.cli;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.report.Reports;
import dev.rehearse.report.CheckTally;
import dev.rehearse.report.CheckText;
import dev.rehearse.report.RunReport;
import dev.rehearse.report.StepText;
import dev.rehearse.report.Summary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The end of a run on the terminal, in pytest's manner: each FAIL and DRIFT in one line
 * ({@code FAIL  12/30  guide_synapse.rst:322  pip install ...}) with its reason and the first lines of its diff
 * (all of them with {@code -v}), each of the sidecar's checks that did not pass with why
 * ({@code FAIL  check  runbook.yaml:47, after step 12  synapse still runs at the end}), the counts (the checks' on
 * a line of their own, beside the steps'), where {@code report.html} is, and the command that writes the drifts
 * into the guide. What a person needs to act without opening a file.
 */
final class EndOfRun {
    /** the lines of a diff shown under a step without {@code -v}; the report has them all */
    static final int DIFF_LINES = 6;
    private static final String INDENT = "      ";
    /** what a shell takes as one word without quotes */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private EndOfRun() {
    }

    /**
     * @param runbook the runbook as the user named it, for the update command
     * @param reports the folder the reports were written to
     */
    static void print(PrintWriter out, RunReport report, String runbook, Path reports, boolean verbose) {
        List<StepResult> notable = report.results().stream()
                .filter(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.DRIFT
                        || r.verdict() == Verdict.ERROR || r.verdict() == Verdict.INTERRUPTED).toList();
        List<CheckResult> checksNotPassed = report.checks().stream().filter(c -> c.verdict() != Verdict.PASS)
                .toList();
        if (!notable.isEmpty() || !checksNotPassed.isEmpty()) {
            out.println();
        }
        int total = report.results().size();
        for (StepResult result : notable) {
            out.println(LiveProgress.padded(result.verdict().name()) + " "
                    + LiveProgress.position(result.step().n(), total) + "  " + StepText.where(result.step()) + "  "
                    + StepText.title(result.step()));
            if (result.reason() != null) {
                out.println(INDENT + result.reason());
            }
            for (String line : StepText.diffHead(result.diff(), verbose ? -1 : DIFF_LINES)) {
                out.println(INDENT + line);
            }
        }
        for (CheckResult check : checksNotPassed) {
            out.println(LiveProgress.padded(check.verdict().name()) + " check  " + CheckText.where(check) + "  "
                    + check.name());
            if (check.reason() != null) {
                out.println(INDENT + check.reason());
            }
        }
        Summary summary = Summary.of(report);
        out.println();
        // concatenated, not formatted: a run's first java.util.Formatter sets up locale data, a cost a short run notices
        out.println("rehearse: " + summary.pass() + " PASS, " + summary.drift() + " DRIFT, " + summary.fail()
                + " FAIL, " + summary.skip() + " SKIP"
                + (summary.error() > 0 ? ", " + summary.error() + " ERROR" : "")
                + (summary.interrupted() > 0 ? ", " + summary.interrupted() + " INTERRUPTED" : "")
                + " in " + LiveProgress.seconds(summary.elapsed()));
        if (!report.checks().isEmpty()) {
            out.println("checks: " + CheckTally.of(report.checks()).text());
        }
        Path absolute = reports.toAbsolutePath().normalize();
        out.println("report: " + absolute.resolve(Reports.HTML));
        if (summary.drift() > 0) {
            out.println("to write what the host printed into the guide: rehearse update " + shellWord(runbook)
                    + " --from-report " + shellWord(absolute.toString()));
        }
        out.flush();
    }

    /** The text as one word a shell reads back as it is (single quotes when needed). */
    static String shellWord(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
