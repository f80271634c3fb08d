package dev.rehearse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report file as two runs of the same guides on the local target write it alike: for a whole run against its
 * merged shards.
 */
public final class RunReportText {
    private RunReportText() {
    }

    /** The throwaway sandbox of a run as root: made for the run, or a slot of the run users' pool. */
    public static final String SANDBOX = "local (/tmp/rehearse-local-\\d+/home \\(user rehearse-[a-z0-9]+\\)"
            + "|/var/lib/rehearse/run-users/\\d+/home \\(user rehearse-run\\d+, run [\\w-]+\\))";

    /** The file without what differs between any two runs: timings and the throwaway sandbox each run made. */
    public static String withoutTimings(Path file) throws IOException {
        return Files.readString(file)
                .replaceAll(SANDBOX, "local SANDBOX")
                .replaceAll("time=\"[0-9.]+\"", "time=\"T\"")
                .replaceAll("\"elapsed_ms\" : \\d+", "\"elapsed_ms\" : T")
                .replaceAll("\\d+\\.\\d+s\\b", "Ts");
    }
}
