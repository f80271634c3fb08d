package dev.rehearse.report;

import dev.rehearse.report.HtmlPage.Count;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * One run as a page of many runs shows it (a column of {@code matrix.html}, a cell of {@code runs.html}): its status,
 * verdict counts, target and time, linking to its {@code report.html}; or, for a run that did not start, why.
 * The template is {@code report/runcell.jte}.
 *
 * @param report  link to the run's report.html, or empty when it did not run
 * @param verdict lower-case status (the CSS class)
 * @param error   why the run could not start, or empty
 */
public record RunCell(String report, String verdict, String label, List<Count> counts, String target, String elapsed,
                      String error) {

    /**
     * @param page   the folder of the page that shows the run: its links are relative to it
     * @param runDir the run's report folder
     * @param error  why the run could not start, or null
     */
    public static RunCell of(RunReport run, String error, Path page, Path runDir) {
        Summary summary = Summary.of(run);
        List<Count> counts = Count.of(summary);
        if (error != null) {
            return new RunCell("", "fail", "DID NOT RUN", counts, run.target(), "", error);
        }
        return new RunCell(link(page, runDir, null), HtmlPage.css(summary.status()), summary.status().name(), counts,
                run.target(), HtmlPage.seconds(summary.elapsed()), "");
    }

    /**
     * A link from a page to a run's report.html (and a step's mark in it). Characters a URL cannot hold are escaped;
     * the leading {@code ./} keeps a folder name with a colon from reading as a URL scheme.
     */
    public static String link(Path page, Path runDir, String anchor) {
        try {
            return new URI(null, null, "./" + relative(page, runDir) + "/" + Reports.HTML, anchor).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no link to " + runDir, e);
        }
    }

    /** The run's folder as seen from the page's. */
    public static String relative(Path page, Path runDir) {
        return page.toAbsolutePath().normalize().relativize(runDir.toAbsolutePath().normalize()).toString();
    }
}
