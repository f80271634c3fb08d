package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RunReportText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every command, through the jar, with the runbook named every way a user names a file: the guide's bare name
 * inside its folder, {@code ./name}, a path relative to the folder above, an absolute path, the folder, and
 * {@code .} inside it. Each form prints the same (sandbox paths, made-up user names and timings aside) and ends the
 * same. The runbook is fixtures/matrix/widget: a guide with a sidecar variable, which {@code matrix} varies.
 */
class GuidePathFormsIT {
    private static final Path WIDGET = Checkout.root().resolve("fixtures/matrix/widget");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plan    | 0 | --bind widget_version=1.0",
            "lint    | 0 | ",
            "blocks  | 0 | ",
            "run     | 0 | --bind widget_version=1.0 --report-dir REPORTS",
            "update  | 0 | --dry-run --bind widget_version=1.0",
            "matrix  | 1 | --vary widget_version=1.0,2.0 --report-dir REPORTS",
    })
    void everyFormOfThePathGivesTheSameOutput(String command, int exit, String options) throws IOException {
        Path runbooks = Files.createDirectories(work.resolve("runbooks"));
        Path widget = Checkout.copyTree(WIDGET, runbooks.resolve("widget"));
        Path reports = work.resolve("reports");
        Map<String, RehearseJar.Outcome> byForm = new LinkedHashMap<>();
        Map<String, Path> dirOf = new LinkedHashMap<>();
        dirOf.put("guide_widget.rst", widget);
        dirOf.put("./guide_widget.rst", widget);
        dirOf.put("widget/guide_widget.rst", runbooks);
        dirOf.put(widget.resolve("guide_widget.rst").toString(), work);
        dirOf.put("widget", runbooks);
        dirOf.put(".", widget);
        for (Map.Entry<String, Path> form : dirOf.entrySet()) {
            List<String> args = new ArrayList<>(List.of(command, form.getKey()));
            if (options != null) {
                Stream.of(options.split(" ")).map(o -> o.equals("REPORTS") ? reports.toString() : o).forEach(args::add);
            }
            byForm.put(form.getKey(), RehearseJar.run(RehearseJar.jar(), form.getValue(), args));
        }

        RehearseJar.Outcome first = byForm.get("guide_widget.rst");
        assertEquals(exit, first.exit(), first.both());
        assertFalse((first.out() + first.err()).isBlank(), first.both());
        for (Map.Entry<String, RehearseJar.Outcome> form : byForm.entrySet()) {
            RehearseJar.Outcome ran = form.getValue();
            assertEquals(exit, ran.exit(), form.getKey() + ": " + ran.both());
            assertEquals(masked(first.out()), masked(ran.out()), command + " " + form.getKey());
            assertEquals(masked(first.err()), masked(ran.err()), command + " " + form.getKey());
        }
    }

    /** What differs from one run to the next whatever the path: the sandbox, its user, the timings. */
    private static String masked(String out) {
        return out.replaceAll(RunReportText.SANDBOX, "local SANDBOX")
                .replaceAll("\\d+\\.\\d s\\b", "T s");
    }
}
