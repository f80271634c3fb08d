package dev.rehearse.matrix;

import dev.rehearse.report.RunReport;

import java.nio.file.Path;

/**
 * One value's run of the matrix.
 *
 * @param dir    the folder holding its junit.xml, results.json and report.html
 * @param report what the run found; a run that could not start has no results
 * @param error  why it could not start (its target did not open, say), or null
 */
public record ValueRun(String value, Path dir, RunReport report, String error) {
}
