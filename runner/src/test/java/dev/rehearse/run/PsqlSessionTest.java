package dev.rehearse.run;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.Interaction;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;
import dev.rehearse.target.CommandResult;
import dev.rehearse.target.local.LocalTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.rehearse.run.Steps.replInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A psql REPL sub-session against a real PostgreSQL 15 cluster that the test starts in the sandbox, as the
 * sandbox's ordinary user (PostgreSQL refuses root), listening on a socket in the sandbox only (no TCP).
 */
class PsqlSessionTest {
    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static LocalTarget target;

    @BeforeAll
    static void startCluster() {
        assertTrue(Files.isExecutable(PG_BIN.resolve("initdb")),
                "PostgreSQL 15 server binaries are needed in " + PG_BIN + " (apt-get install postgresql-15)");
        target = LocalTarget.open(null, false);
        CommandResult started = target.openSession().run(
                "export PATH=" + PG_BIN + ":$PATH PGHOST=$HOME/tmp && mkdir -p ~/tmp"
                        + " && initdb -D ~/pgdata -A trust >~/initdb.log 2>&1"
                        + " && pg_ctl -D ~/pgdata -l ~/pg.log -o \"-k $HOME/tmp -c listen_addresses=''\" -w start"
                        + " >/dev/null",
                List.of(), Duration.ofSeconds(90), null);
        assertEquals(0, started.exit(), "the cluster did not start: " + started.output()
                + target.readFile("~/initdb.log").orElse("") + target.readFile("~/pg.log").orElse(""));
    }

    @AfterAll
    static void stopCluster() {
        target.openSession().run("pg_ctl -D ~/pgdata -m fast -w stop", List.of(), Duration.ofSeconds(30), null);
        target.close();
    }

    @Test
    void aReplIsFedItsLinesAndClosedWithEndOfInput() {
        String prompt = "synapse=# ";
        List<String> sql = List.of("CREATE TABLE users (name text, password_hash text);",
                "INSERT INTO users VALUES ('isabell', 'unset');",
                "UPDATE users SET password_hash='$2b$12$hashfromhashpassword' WHERE name='isabell';");
        List<Interaction> typed = new ArrayList<>();
        sql.forEach(line -> typed.add(new Interaction(prompt, line, false, false, null)));
        typed.add(new Interaction(prompt, null, false, true, null));
        List<ExpectedLine> expected = new ArrayList<>(Steps.lines("[...]"));
        expected.add(replInput(prompt, sql.get(0)));
        expected.addAll(Steps.lines("CREATE TABLE"));
        expected.add(replInput(prompt, sql.get(1)));
        expected.addAll(Steps.lines("INSERT 0 1"));
        expected.add(replInput(prompt, sql.get(2)));
        expected.addAll(Steps.lines("UPDATE 1"));
        expected.add(replInput(prompt, ""));
        expected.addAll(Steps.lines("[...]"));

        RunReport report = new Runner(target, StepSelection.ALL, false, RunListener.NONE).run(new Steps()
                .command("createdb synapse")
                .command("psql synapse", new StepPolicy(Duration.ofSeconds(30), false, null, 0), typed, List.of(),
                        expected)
                .command("psql -tA -c \"SELECT name || ' ' || password_hash FROM users\" synapse",
                        "isabell $2b$12$hashfromhashpassword")
                .plan(Steps.bindingsFor(target.facts())));
        assertEquals(List.of(Verdict.PASS, Verdict.PASS, Verdict.PASS),
                report.results().stream().map(StepResult::verdict).toList(), () -> report.results().toString());
    }
}
