package dev.rehearse.engine;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Step;
import dev.rehearse.report.Reports;
import dev.rehearse.report.StepText;
import dev.rehearse.run.RunListener;
import dev.rehearse.run.RunRecord;
import dev.rehearse.run.StepSelection;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs one runbook and tells JUnit about its steps as they go. When only some steps are selected, the run goes up to
 * the last of them and the steps before a selected one are its setup: they run unreported unless they fail, and a
 * setup step that fails is registered as a test of its own so that the failure is seen where it happened.
 */
final class RunbookExecution implements RunListener {
    private final RunbookDescriptor runbook;
    private final EngineExecutionListener listener;
    private final EngineSettings settings;
    private final Map<Integer, StepDescriptor> selected = new LinkedHashMap<>();
    private final Set<Integer> started = new HashSet<>();
    private final Set<Integer> reported = new HashSet<>();

    RunbookExecution(RunbookDescriptor runbook, EngineExecutionListener listener, EngineSettings settings) {
        this.runbook = runbook;
        this.listener = listener;
        this.settings = settings;
        for (TestDescriptor child : runbook.getChildren()) {
            if (child instanceof StepDescriptor step) {
                selected.put(step.step().n(), step);
            }
        }
    }

    void run() {
        listener.executionStarted(runbook);
        int last = selected.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        StepSelection steps = selected.size() == runbook.plan().steps().size() ? StepSelection.ALL
                : new StepSelection(1, last);
        TestExecutionResult outcome = TestExecutionResult.successful();
        try {
            Path dir = settings.reportDir().resolve(runbook.plan().name());
            // results.json kept as the run goes: a build stopped any way leaves the runbook's record (RunRecord)
            RunRecord record = new RunRecord(report -> dir, this, settings.strict());
            settings.rehearsal().withSelection(steps).withReportDir(dir).run(runbook.runbook(), record);
            record.written();
            listener.fileEntryPublished(runbook, FileEntry.from(dir.resolve(Reports.HTML), "text/html"));
        } catch (RuntimeException | IOException e) {
            // the runbook did not run through (its target did not open, a binding was refused, a report could not
            // be written): say so on a step too, as build tools count tests and not containers
            failUnreported(e);
            outcome = TestExecutionResult.failed(e);
        }
        listener.executionFinished(runbook, outcome);
    }

    @Override
    public void stepStarted(Step step, int total, String shown) {
        StepDescriptor test = selected.get(step.n());
        if (test != null) {
            started.add(step.n());
            listener.executionStarted(test);
        }
    }

    @Override
    public void stepFinished(StepResult result, int total) {
        int n = result.step().n();
        StepDescriptor test = selected.get(n);
        if (test == null) {
            if (result.verdict() == Verdict.FAIL || result.verdict() == Verdict.ERROR) {
                reportSetupFailure(result);
            }
            return;
        }
        reported.add(n);
        if (!started.contains(n)) {
            listener.executionSkipped(test, result.reason() == null ? "skipped" : result.reason());
            return;
        }
        listener.executionFinished(test, outcome(test, result));
    }

    private TestExecutionResult outcome(StepDescriptor test, StepResult result) {
        return switch (result.verdict()) {
            case PASS -> TestExecutionResult.successful();
            case DRIFT -> {
                if (settings.strict()) {
                    yield TestExecutionResult.failed(failure(test, result, "the output differs from the guide"));
                }
                listener.reportingEntryPublished(test, ReportEntry.from(Map.of("rehearse.verdict", "DRIFT",
                        "rehearse.diff", result.diff() == null ? "" : result.diff())));
                yield TestExecutionResult.successful();
            }
            case FAIL, ERROR -> TestExecutionResult.failed(failure(test, result, result.reason()));
            case SKIP -> TestExecutionResult.aborted(null);
            case INTERRUPTED -> TestExecutionResult.aborted(new IllegalStateException(result.reason()));
        };
    }

    /** A setup step (not selected, run before a selected one) failed: it becomes a test, failed, where it happened. */
    private void reportSetupFailure(StepResult result) {
        StepDescriptor test = runbook.step(result.step());
        runbook.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        listener.executionFinished(test, TestExecutionResult.failed(failure(test, result,
                "(setup of a selected step) " + result.reason())));
    }

    private void failUnreported(Exception why) {
        boolean first = true;
        for (StepDescriptor test : selected.values()) {
            if (reported.contains(test.step().n())) {
                continue;
            }
            if (first) {
                if (!started.contains(test.step().n())) {
                    listener.executionStarted(test);
                }
                listener.executionFinished(test, TestExecutionResult.failed(why));
                first = false;
            } else {
                listener.executionSkipped(test, "the runbook did not run: " + why.getMessage());
            }
        }
    }

    /**
     * The failure a step's test reports: verdict, place and reason in the message, then the diff; the guide's and the
     * real output as expected and actual (IDEs show them side by side); the stack trace is the step's line. Everything
     * here is in the guide's terms already, so no secret is in it.
     */
    private static AssertionFailedError failure(StepDescriptor test, StepResult result, String why) {
        String diff = result.diff() == null || result.diff().isEmpty() ? "" : "\n" + result.diff();
        String message = result.verdict() + " at " + StepText.where(result.step()) + ": "
                + (why == null ? result.verdict().name() : why) + diff;
        return GuideTrace.at(new AssertionFailedError(message, result.expected(), result.actual()),
                "step " + result.step().n(), test.getSource().orElse(null));
    }
}
