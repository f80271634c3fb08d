package dev.rehearse.cli;

import dev.rehearse.targets.container.ContainerTarget;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training runs the launcher records its class-data archives from (AppCDS archives, or JDK 25 AOT caches), once
 * per build: the commands of one kind once each, in one JVM, on a small runbook of its own and on the seed where the
 * checkout has it, all output thrown away. A JDK 25 AOT cache loads all its classes at start, so each kind of
 * command gets an archive of its own: the commands that read guides (blocks, plan, lint), those that run a target
 * ({@code --running}: run), {@code matrix} ({@code --matrix}: a run and a matrix, whose comparison page and merged
 * junit.xml read JSON and XML, a thousand classes more than a run's), and those that run a container
 * ({@code --container}: all of these and a container run: the Docker client's classes, a few thousand, would slow
 * down the others). An archive that only the first command after a build recorded held only that command's classes.
 * <p>
 * {@code java -cp rehearse.jar dev.rehearse.cli.Training WORK [SEED] [--running | --matrix | --container]}, WORK
 * an empty folder the caller removes afterwards (it holds the runbook, the runs' reports); exits 0 when every
 * command did what it should.
 */
public final class Training {
    private static final String GUIDE = """
            # Training

            ```console
            $ echo hello
            hello
            ```
            """;
    private static final String RST_GUIDE = """
            Training
            ========

            .. code-block:: console

               $ echo hello
               hello
            """;
    private static final String RUNBOOK = """
            guide: guide.md

            vars:
              greeting: ~

            bindings:
              "hello": "${greeting}"
            """;

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        List<String> given = new ArrayList<>(List.of(args));
        boolean container = given.remove("--container");
        boolean matrix = given.remove("--matrix") || container;
        boolean running = given.remove("--running") || matrix;
        LazyDefaultTls.install(); // as Main does
        int failed = train(Path.of(given.get(0)), given.size() > 1 ? Path.of(given.get(1)) : null, running, matrix,
                container);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** @return how many commands did not end as they should */
    private static int train(Path work, Path seed, boolean running, boolean matrix, boolean container)
            throws IOException {
        Path runbook = Files.createDirectory(work.resolve("runbook"));
        Files.writeString(runbook.resolve("guide.md"), GUIDE);
        Files.writeString(runbook.resolve("runbook.yaml"), RUNBOOK);
        Path rst = Files.writeString(work.resolve("guide.rst"), RST_GUIDE);
        List<String[]> commands = new ArrayList<>();
        if (running) {
            commands.add(new String[]{"run", "-q", runbook.toString(), "--bind", "greeting=hello", "--target",
                    "local", "--report-dir", work.resolve("run").toString()});
            // a run of a reStructuredText guide (the seed's form) reads and plans it as these do
            commands.add(new String[]{"plan", (seed != null && Files.isDirectory(seed) ? seed : rst).toString()});
            if (matrix) {
                commands.add(new String[]{"matrix", runbook.toString(), "--vary", "greeting=hello,hi", "--target",
                        "local", "--report-dir", work.resolve("matrix").toString()});
            }
        } else {
            commands.addAll(List.of(
                    new String[]{"--version"},
                    new String[]{"run", "--help"},
                    new String[]{"blocks", rst.toString()},
                    new String[]{"blocks", "--json", runbook.resolve("guide.md").toString()},
                    new String[]{"lint", runbook.toString()},
                    new String[]{"plan", runbook.toString()}));
            if (seed != null && Files.isDirectory(seed)) {
                commands.add(new String[]{"lint", seed.toString()});
                commands.add(new String[]{"plan", seed.toString()});
                commands.add(new String[]{"blocks", seed.toString()});
            }
        }
        // with --container, a container run, where the stardust image is there: the Docker client's and
        // Testcontainers' classes, a few thousand, are most of what a container run loads. Named without ":latest",
        // the image is only looked up, never built (a build takes minutes); with no engine or no image the run
        // fails at once
        if (container) {
            commands.add(new String[]{"run", "-q", runbook.toString(), "--bind", "greeting=hello",
                    "--target", "container:" + ContainerTarget.DEFAULT_IMAGE.replace(":latest", ""),
                    "--report-dir", work.resolve("container").toString()});
        }
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
        int failed = 0;
        for (String[] command : commands) {
            // lint of the seed finds errors (exit 1), and the matrix's two values differ (exit 1) on purpose
            if (Main.execute(command, nowhere, nowhere) > 1) {
                failed++;
            }
        }
        return failed;
    }
}
