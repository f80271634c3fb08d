package dev.rehearse.engine;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: one run through the real JUnit Launcher with every engine on the class path (as Surefire runs one),
 * recording what a build tool sees: each test's outcome, skip reason, report entries, and Surefire's counts.
 */
final class LauncherRun implements TestExecutionListener {

    /** What became of one test. */
    record Outcome(TestIdentifier test, TestExecutionResult result, String skipped, List<ReportEntry> entries) {

        String name() {
            return test.getDisplayName();
        }

        boolean failed() {
            return result != null && result.getStatus() == TestExecutionResult.Status.FAILED;
        }

        String message() {
            return result.getThrowable().map(Throwable::getMessage).orElse("");
        }
    }

    private final Map<String, Outcome> tests = Collections.synchronizedMap(new LinkedHashMap<>());
    // runbooks run in parallel report from several threads
    private final Map<String, List<ReportEntry>> entries = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<TestIdentifier> dynamic = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, TestExecutionResult> containers = Collections.synchronizedMap(new LinkedHashMap<>());
    private TestPlan plan;

    static LauncherRun of(Map<String, String> parameters, DiscoverySelector... selectors) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameters(parameters).build();
        LauncherRun run = new LauncherRun();
        LauncherFactory.create().execute(request, run);
        return run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier test) {
        dynamic.add(test);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            tests.put(test.getUniqueId(), new Outcome(test, null, reason, List.of()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            tests.put(test.getUniqueId(), new Outcome(test, result, null,
                    entries.getOrDefault(test.getUniqueId(), List.of())));
        } else {
            containers.put(test.getUniqueId(), result);
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.computeIfAbsent(test.getUniqueId(), k -> Collections.synchronizedList(new ArrayList<>())).add(entry);
    }

    List<Outcome> tests() {
        return List.copyOf(tests.values());
    }

    Outcome test(String displayName) {
        return tests().stream().filter(o -> o.name().equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError("no test named '" + displayName + "' in " + names()));
    }

    List<String> names() {
        return tests().stream().map(Outcome::name).toList();
    }

    List<TestIdentifier> dynamic() {
        return dynamic;
    }

    Map<String, TestExecutionResult> containers() {
        return containers;
    }

    TestPlan plan() {
        return plan;
    }

    /** Surefire's line: {@code Tests run: R, Failures: F, Errors: E, Skipped: S} (a failure is an AssertionError). */
    String surefireCounts() {
        long failures = tests().stream().filter(Outcome::failed)
                .filter(o -> o.result().getThrowable().orElse(null) instanceof AssertionError).count();
        long errors = tests().stream().filter(Outcome::failed).count() - failures;
        long skipped = tests().stream().filter(o -> o.skipped() != null).count();
        return "Tests run: " + tests().size() + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
