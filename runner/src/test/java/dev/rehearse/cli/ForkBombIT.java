package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.RehearseProcess;
import dev.rehearse.testing.RunUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide that forks without end ({@code fixtures/guides/hostile/fork-bomb.md}), run as root: the target the run
 * makes holds it to {@code ProcessLimit.MOST_PROCESSES}, the machine keeps process ids for everything else, the run
 * goes on to its last step and ends, and none of the guide's processes outlives it.
 */
class ForkBombIT {
    private static final String GUIDE = RehearseProcess.ROOT.resolve("fixtures/guides/hostile/fork-bomb.md").toString();
    private static final Pattern LOCAL_USER = Pattern.compile("\\(user (rehearse-\\S+),");
    private static final Pattern CONTAINER = Pattern.compile("container \\S+ (\\w{12}) \\(");

    @TempDir
    Path reports;

    @Test
    void aLocalRunsUserStopsAtItsLimitAndNoneOfItsProcessesOutlivesTheRun() throws IOException {
        RehearseJar.Outcome run = RehearseJar.run("run", GUIDE, "--target", "local", "--keep-going",
                "--report-dir", reports.toString());

        JsonNode record = endedRecord(run);
        Matcher user = LOCAL_USER.matcher(run.out());
        assertTrue(user.find(), run.both());
        int uid = RunUsers.uid(user.group(1)).orElseThrow();
        assertEquals(List.of(), RunUsers.processesOf(uid), record.toString());
    }

    @Test
    void aContainerStopsAtItsLimitAndIsGoneWithTheRun() throws IOException {
        RehearseJar.Outcome run = RehearseJar.run("run", GUIDE, "--target", "container", "--keep-going",
                "--report-dir", reports.toString());

        endedRecord(run);
        Matcher container = CONTAINER.matcher(run.out());
        assertTrue(container.find(), run.both());
        RehearseJar.Outcome left = RehearseJar.exec(reports, List.of("docker", "ps", "-a", "-q", "--filter",
                "id=" + container.group(1)));
        assertEquals("", left.out().strip(), left.both());
    }

    /** The run's record: ended, every step judged, and the limit the first step printed the one the target set. */
    private JsonNode endedRecord(RehearseJar.Outcome run) throws IOException {
        assertTrue(run.exit() == 0 || run.exit() == 1, run.both());
        JsonNode record = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
        assertEquals(3, record.at("/steps").size(), record.toString());
        assertEquals("PASS", record.at("/steps/0/verdict").asText(), run.both());
        assertEquals("PASS", record.at("/steps/1/verdict").asText(), run.both());
        assertTrue(record.at("/steps/2/verdict").asText().matches("PASS|DRIFT|FAIL"), record.toString());
        return record;
    }
}
