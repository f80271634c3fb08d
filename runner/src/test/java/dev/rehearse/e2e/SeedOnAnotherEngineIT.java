package dev.rehearse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.RehearseJar;
import dev.rehearse.testing.SecondDockerEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed on a Docker engine that DOCKER_HOST names, as a remote one would be: a second dockerd on a loopback TCP
 * port, started here, holding copies of the stardust images. The run is held to {@link SeedChecks}, its container
 * is of the copied image on the second engine, and the first engine (the local socket) saw no container of the run.
 * The same with no DOCKER_HOST, on the engine the docker command's current context names. Once that engine is
 * stopped, the same command is one line naming it, either way.
 */
class SeedOnAnotherEngineIT {
    private static final Map<String, String> FIRST = Map.of();

    @Test
    void theSeedRunsOnTheEngineDockerHostNamesAndNowhereElse() throws Exception {
        Path root = Checkout.root();
        String base = lastLine(Processes.run(root, FIRST, "fixtures/stardust/base.sh"));
        String image = lastLine(Processes.run(root, FIRST, "fixtures/stardust/build.sh"));
        String imageId = docker(FIRST, "image", "inspect", "-f", "{{.Id}}", image);
        String since = String.valueOf(System.currentTimeMillis() / 1000);
        Path reportDir = root.resolve("runner/target/rehearse/seed-on-another-engine");
        String host;
        // a docker configuration of the test's own, whose current context is the second engine
        Path config = Files.createTempDirectory("rehearse-docker-config-");
        Map<String, String> viaContext = Map.of("DOCKER_CONFIG", config.toString());
        try (SecondDockerEngine engine = SecondDockerEngine.start()) {
            host = engine.host();
            engine.load(List.of(base, image));
            try (SeedRun run = SeedRun.on("container", root.resolve("runbooks/synapse"), reportDir, engine.env(),
                    SeedChecks.passwordBinding())) {
                System.out.print(run.timings());
                SeedChecks.assertTheSeedRan(run.results, run.exit, run.out + run.err, reportDir,
                        SeedChecks.inContainer(run.containerId, engine.env()));
                assertFalse(run.err.contains("building"), "the image is found on the second engine:\n" + run.err);

                String runId = run.results.path("run").path("id").asText();
                assertEquals(imageId + " " + runId, docker(engine.env(), "inspect", "-f",
                        "{{.Image}} {{index .Config.Labels \"dev.rehearse.run\"}}", run.containerId));
                String until = String.valueOf(System.currentTimeMillis() / 1000 + 1);
                List<String> events = List.of("events", "--since", since, "--until", until,
                        "--filter", "type=container", "--filter", "label=dev.rehearse.run=" + runId);
                assertTrue(docker(engine.env(), events.toArray(String[]::new))
                        .contains("container start " + run.containerId), "the second engine started it");
                assertEquals("", docker(FIRST, events.toArray(String[]::new)),
                        "the first engine saw no container of the run");
            }
            ranOnTheEngineTheContextNames(root, engine, viaContext);
        }

        RehearseJar.Outcome stopped = RehearseJar.in(root, Map.of("DOCKER_HOST", host),
                "run", "docs/first-guide.md", "--target", "container");
        assertEquals(2, stopped.exit(), stopped.both());
        assertEquals("--target: the Docker engine DOCKER_HOST names does not answer: DOCKER_HOST=" + host
                + " (Connection refused); start it, or make it reachable from here, or unset DOCKER_HOST for the "
                + "local engine\n", stopped.err(), stopped.both());
        RehearseJar.Outcome noContext = RehearseJar.in(root, viaContext, "run", "docs/first-guide.md", "--target",
                "container");
        assertEquals(2, noContext.exit(), noContext.both());
        assertEquals("--target: the Docker engine the docker command's context names does not answer: " + host
                + " (Connection refused); start it, or make it reachable from here, or choose another context (docker "
                + "context use default)\n", noContext.err(), noContext.both());
        Processes.run(root, FIRST, "rm", "-rf", config.toString());
    }

    /**
     * With no DOCKER_HOST, the engine of the docker command's current context ({@code docker context use}): the
     * container is started there by the docker command, and the guide's files are written and read there through
     * the Docker client, which is given the context's address.
     */
    private static void ranOnTheEngineTheContextNames(Path root, SecondDockerEngine engine,
                                                      Map<String, String> viaContext) throws Exception {
        docker(viaContext, "context", "create", "second", "--docker", "host=" + engine.host());
        docker(viaContext, "context", "use", "second");
        String since = String.valueOf(System.currentTimeMillis() / 1000);
        Path reportDir = root.resolve("runner/target/rehearse/greeter-on-a-context");
        RehearseJar.Outcome greeted = RehearseJar.in(root, viaContext, "run", "fixtures/guides/greeter.md",
                "--target", "container", "--report-dir", reportDir.toString());
        assertEquals(0, greeted.exit(), greeted.both());
        JsonNode results = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
        List<String> verdicts = new ArrayList<>();
        results.path("steps").forEach(step -> verdicts.add(step.path("kind").asText() + " "
                + step.path("verdict").asText()));
        assertTrue(verdicts.contains("write PASS") && verdicts.contains("edit PASS"),
                "the guide writes and edits files: " + verdicts);
        assertTrue(verdicts.stream().allMatch(verdict -> verdict.endsWith(" PASS")), greeted.both());
        String runId = results.path("run").path("id").asText();
        String until = String.valueOf(System.currentTimeMillis() / 1000 + 1);
        List<String> events = List.of("events", "--since", since, "--until", until, "--filter", "type=container",
                "--filter", "label=dev.rehearse.run=" + runId, "--format", "{{.Action}}");
        assertTrue(docker(engine.env(), events.toArray(String[]::new)).lines().anyMatch("start"::equals),
                "the context's engine started it");
        assertEquals("", docker(FIRST, events.toArray(String[]::new)), "the local engine saw no container of the run");
    }

    private static String docker(Map<String, String> env, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        return Processes.run(Path.of("."), env, command).strip();
    }

    private static String lastLine(String printed) {
        return printed.strip().lines().reduce((first, last) -> last).orElseThrow();
    }
}
