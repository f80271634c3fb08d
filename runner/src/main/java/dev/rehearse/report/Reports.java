package dev.rehearse.report;

import dev.rehearse.files.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run's three reports into one folder: {@code junit.xml} (Surefire's schema, for CI), {@code results.json}
 * (for tools) and {@code report.html} (for people). They read only the {@link RunReport}, whose results are already
 * in the guide's terms, so no secret can reach them. Each file is written atomically.
 */
public final class Reports {
    public static final String JUNIT = "junit.xml";
    public static final String JSON = "results.json";
    public static final String HTML = "report.html";

    private Reports() {
    }

    /**
     * Only {@code results.json}: the record a run keeps as it goes (after every step), so that a run stopped any
     * way at all, a lost process included, leaves one.
     */
    public static void writeResults(RunReport report, Path dir) throws IOException {
        AtomicFiles.replace(dir.resolve(JSON), to -> ResultsJson.write(report, to));
    }

    /** The reports as {@code rehearse run} writes them without {@code --strict}: a DRIFT is not a failure. */
    public static void writeAll(RunReport report, Path dir) throws IOException {
        writeAll(report, dir, false);
    }

    /** @param strict a DRIFT counts as a failure in {@code junit.xml} ({@code --strict}, {@code rehearse.strict=true}) */
    public static void writeAll(RunReport report, Path dir, boolean strict) throws IOException {
        writeResults(report, dir);
        writeJunit(report, dir, strict);
        writeHtml(report, dir);
    }

    /**
     * {@code junit.xml}, read once a run is over: a run writes it beside the {@code results.json} it has kept as it
     * went ({@code RunRecord}).
     *
     * @param strict a DRIFT counts as a failure
     */
    public static void writeJunit(RunReport report, Path dir, boolean strict) throws IOException {
        AtomicFiles.replace(dir.resolve(JUNIT), JunitXml.render(report, strict));
    }

    /** {@code report.html}, read once a run is over, as {@link #writeJunit}. */
    public static void writeHtml(RunReport report, Path dir) throws IOException {
        AtomicFiles.replace(dir.resolve(HTML), HtmlReport.render(report));
    }
}
