package dev.rehearse.e2e;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.cli.Main;
import dev.rehearse.testing.Processes;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the seed runbook on a fresh stardust container through the command line, as a person types it
 * ({@code rehearse run runbooks/synapse --target container}), with {@code --keep} so that the host can be
 * looked at afterwards; {@link #close()} removes the container.
 */
public final class SeedRun implements AutoCloseable {
    private static final Pattern TARGET = Pattern.compile(
            "container (\\S+) ([0-9a-f]{12}) \\(.*image ready in ([\\d.]+) s, started in ([\\d.]+) s\\)");

    public final int exit;
    final String out;
    final String err;
    public final JsonNode results;
    final Path reportDir;
    final Duration wall;
    final String containerId;
    /** added to the environment of the run and of the clean-up: DOCKER_HOST for another engine */
    private final Map<String, String> env;

    private SeedRun(int exit, String out, String err, JsonNode results, Path reportDir, Duration wall,
                    Map<String, String> env) {
        this.exit = exit;
        this.out = out;
        this.err = err;
        this.results = results;
        this.reportDir = reportDir;
        this.wall = wall;
        this.containerId = target(results).group(2);
        this.env = env;
    }

    /**
     * Runs the seed runbook of the checkout {@code root}, its reports in {@code reportDir}.
     *
     * @param binds {@code literal=value} bindings given on the command line
     */
    public static SeedRun run(Path root, Path reportDir, String... binds) {
        return on("container", root.resolve("runbooks/synapse"), reportDir, binds);
    }

    /**
     * Runs {@code runbook} (the seed, or a copy of it) on a fresh container of the target {@code target}
     * ({@code container}, {@code container:stardust-real}), its reports in {@code reportDir}.
     */
    public static SeedRun on(String target, Path runbook, Path reportDir, String... binds) {
        return on(target, runbook, reportDir, Map.of(), binds);
    }

    /** As {@link #on(String, Path, Path, String...)}, with {@code env} added to the run's environment. */
    public static SeedRun on(String target, Path runbook, Path reportDir, Map<String, String> env, String... binds) {
        List<String> args = new ArrayList<>(List.of("run", runbook.toString(),
                "--target", target, "--keep", "--report-dir", reportDir.toString()));
        for (String bind : binds) {
            args.add("--bind");
            args.add(bind);
        }
        long started = System.nanoTime();
        // the README's main command, through the launcher it names
        RehearseJar.Outcome outcome = RehearseJar.launcher(Checkout.root(), env, args.toArray(String[]::new));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        try {
            JsonNode results = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());
            return new SeedRun(outcome.exit(), outcome.out(), outcome.err(), results, reportDir, wall, env);
        } catch (IOException e) {
            throw new UncheckedIOException("the run wrote no results.json:\n" + outcome.both(), e);
        }
    }

    /** Where this run's wall time went: see {@link #timings(JsonNode, Duration)}. */
    public String timings() {
        return timings(results, wall);
    }

    /**
     * Where the wall time of a run went, from its results.json: making sure the image is there (a build when it was
     * not), starting the container, each step and each of the sidecar's checks, and the rest: Rehearse's own work
     * (the JVM, reading and planning the guide, comparing, the reports, closing the target).
     */
    public static String timings(JsonNode results, Duration wall) {
        Matcher target = target(results);
        Duration image = seconds(target.group(3));
        Duration start = seconds(target.group(4));
        StringBuilder text = new StringBuilder("seed end to end: wall time " + secs(wall) + "\n");
        text.append(String.format(Locale.ROOT, "  %-62s %9s%n", "image build (or reuse)", secs(image)));
        text.append(String.format(Locale.ROOT, "  %-62s %9s%n", "container start", secs(start)));
        Duration steps = Duration.ZERO;
        for (JsonNode step : results.path("steps")) {
            Duration elapsed = Duration.ofMillis(step.path("elapsed_ms").asLong());
            steps = steps.plus(elapsed);
            String what = step.has("command") ? step.path("command").asText() : step.path("path").asText();
            text.append(String.format(Locale.ROOT, "  step %2d %-5s %-48.48s %9s%n", step.path("n").asInt(),
                    step.path("verdict").asText(), what.lines().findFirst().orElse(""), secs(elapsed)));
        }
        // the sidecar's checks are commands run on the target, as the steps are: their time is the host's
        for (JsonNode check : results.path("checks")) {
            Duration elapsed = Duration.ofMillis(check.path("elapsed_ms").asLong());
            steps = steps.plus(elapsed);
            text.append(String.format(Locale.ROOT, "  check   %-5s %-48.48s %9s%n", check.path("verdict").asText(),
                    check.path("name").asText(), secs(elapsed)));
        }
        Duration overhead = wall.minus(image).minus(start).minus(steps);
        text.append(String.format(Locale.ROOT, "  %-62s %9s  (%.1f %% of the total)%n", "Rehearse's own overhead",
                secs(overhead), 100.0 * overhead.toMillis() / wall.toMillis()));
        return text.toString();
    }

    private static Matcher target(JsonNode results) {
        Matcher target = TARGET.matcher(results.path("summary").path("target").asText());
        if (!target.find()) {
            throw new AssertionError("results.json names no container target: " + results.path("summary"));
        }
        return target;
    }

    @Override
    public void close() {
        Processes.run(Path.of("."), env, "docker", "rm", "-f", containerId);
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
