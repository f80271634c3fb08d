package dev.rehearse.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run as the index of many runs lists it ({@code matrix.json}, {@code runs.json}): where it ran, its status
 * (ERROR when it could not start), why it could not, its counts and time, and the values its runbook's vars took.
 */
public final class RunEntryJson {

    private RunEntryJson() {
    }

    /** @param error why the run could not start, or null */
    public static void put(ObjectNode entry, RunReport report, String error) {
        Summary summary = Summary.of(report);
        entry.put("target", report.target());
        entry.put("status", error != null ? "ERROR" : summary.status().name());
        entry.put("error", error);
        entry.put("pass", summary.pass());
        entry.put("drift", summary.drift());
        entry.put("fail", summary.fail());
        entry.put("error_steps", summary.error());
        entry.put("skip", summary.skip());
        entry.put("elapsed_ms", summary.elapsed().toMillis());
        VarsJson.put(entry, report.vars());
    }
}
