package dev.rehearse.report;

import dev.rehearse.check.CheckResult;
import dev.rehearse.check.Comparison;
import dev.rehearse.check.OutputCheck;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import dev.rehearse.testing.Checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of the seed guide as the runner reports it: steps built from the seed's blocks, results judged by the
 * real checker against outputs of today's tools (virtualenv 20, pip 23, supervisor 4, Synapse 1.0.0), one
 * failure, and the steps after it skipped.
 */
final class SeedRun {
    static final String VIRTUALENV_20 = """
            created virtual environment CPython3.11.2.final.0-64 in 376ms
              creator CPython3Posix(dest=/home/isabell/synapse/env, clear=False, no_vcs_ignore=False, global=False)
              seeder FromAppData(download=False, pip=bundle, setuptools=bundle, wheel=bundle, via=copy, app_data_dir=/home/isabell/.local/share/virtualenv)
                added seed packages: pip==23.0.1, setuptools==66.1.1, wheel==0.38.4
              activators BashActivator,CShellActivator,FishActivator,NushellActivator,PowerShellActivator,PythonActivator
            """;

    private final Guide guide = Checkout.seed();
    private final List<StepResult> results = new ArrayList<>();
    private boolean failed;

    static RunReport report() {
        SeedRun run = new SeedRun();
        run.command(42, "createuser synapse -P", "Enter password for new role: \r\nEnter it again: \r\n");
        run.command(45, "createdb \\\n  --encoding=UTF8 \\\n  --owner=\"synapse\" \\\n  --template=template0 \\\n  synapse", "");
        run.command(61, "mkdir -p ~/synapse", "");
        run.command(62, "virtualenv -p python3.6 ~/synapse/env", VIRTUALENV_20);
        run.command(68, "source ~/synapse/env/bin/activate", "");
        run.command(69, "pip install --upgrade pip",
                "Requirement already satisfied: pip in ./synapse/env/lib/python3.11/site-packages (23.0.1)\n");
        run.command(95, "pip install matrix-synapse", null);
        run.command(208, "source ~/synapse/env/bin/activate", "");
        run.command(209, "cd ~/synapse", "");
        run.file(new EditStep(0, "guide_synapse.rst", 227, List.of(), "~/synapse/homeserver.yaml", "yaml", "", StepPolicy.DEFAULT));
        run.file(new EditStep(0, "guide_synapse.rst", 255, List.of(), "~/synapse/homeserver.yaml", "yaml", "", StepPolicy.DEFAULT));
        run.file(new WriteStep(0, "guide_synapse.rst", 288, List.of(), "~/etc/services.d/synapse.ini", "", StepPolicy.DEFAULT));
        run.command(304, "supervisorctl reread", "synapse: available\n");
        run.command(306, "supervisorctl update", "synapse: added process group\n");
        run.command(308, "supervisorctl status", "synapse                          RUNNING   pid 4242, uptime 0:00:07\n");
        run.skip(322, "pip install -U matrix-synapse", "the runbook skips it: updates are not rehearsed");
        run.command(342, "register_new_matrix_user -c homeserver.yaml https://my.domain.name:PORT",
                "New user localpart [isabell]: USER\r\nPassword: \r\nConfirm password: \r\nMake admin [no]: no\r\n"
                        + "Sending registration request...\r\nERROR! Received 400 Bad Request\r\nUser ID already taken.\r\n");
        run.command(362, "~/synapse/env/bin/hash_password", "");
        run.command(374, "psql --user synapse", "");
        return new RunReport("synapse", run.guide, "local", run.results, Duration.ofMillis(83_412),
                List.of(new CapturedValue(15, "40132", "61234"), new CapturedValue(15, "PORT", "61234")));
    }

    /**
     * The seed's run with its sidecar's checks: one passed after the start of Synapse (step 15), one failed, the end
     * check not run because step 17 failed.
     */
    static RunReport checked() {
        RunReport seed = report();
        return new RunReport(seed.runbook(), seed.guide(), seed.target(), seed.results(), seed.elapsed(),
                seed.captured(), null, List.of(), List.of(
                new CheckResult("synapse answers", "runbook.yaml", 40, 15, Verdict.PASS, null, Duration.ofMillis(120)),
                new CheckResult("port bound", "runbook.yaml", 44, 15, Verdict.FAIL,
                        "its output has nothing like /LISTEN/", Duration.ofMillis(80)),
                new CheckResult("synapse still runs at the end", "runbook.yaml", 47, 19, Verdict.SKIP,
                        "not run: step 17 failed", Duration.ZERO)));
    }

    private Block blockAt(int line) {
        return guide.blocks().stream()
                .filter(b -> b.source().equals("guide_synapse.rst") && b.contentLine() <= line
                        && line < b.contentLine() + b.lines().size())
                .findFirst().orElseThrow(() -> new AssertionError("no seed block holds line " + line));
    }

    /** A command at {@code line} of the seed: what its block shows after it, judged against {@code real}. */
    private void command(int line, String command, String real) {
        Block block = blockAt(line);
        List<ExpectedLine> expected = new ArrayList<>();
        List<String> lines = block.lines();
        int commandLines = (int) command.lines().count();
        for (int i = line - block.contentLine() + commandLines; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.contains("]$")) {
                break;
            }
            int at = block.contentLine() + i;
            String shown = text.strip();
            expected.add(shown.endsWith("password:") || shown.endsWith("again:") || shown.endsWith("new role:")
                    ? new ExpectedLine(at, text, ExpectedLine.Kind.PROMPT, shown + " ", "")
                    : shown.contains("]: ") ? new ExpectedLine(at, text, ExpectedLine.Kind.PROMPT,
                    text.substring(0, text.indexOf("]: ") + 3), text.substring(text.indexOf("]: ") + 3))
                    : ExpectedLine.output(at, text));
        }
        Step step = new CommandStep(results.size() + 1, "guide_synapse.rst", line, block.section(), command,
                new ShellPrompt(null, "isabell", "stardust", "~", "$"), expected, List.of(), List.of(), StepPolicy.DEFAULT);
        String expectedText = String.join("\n", expected.stream().map(ExpectedLine::text).toList());
        if (failed) {
            add(step, Verdict.SKIP, -1, expectedText, "", "", "after step " + firstFailure() + " failed");
            return;
        }
        String actual = real == null ? expectedText : real;
        Comparison c = OutputCheck.compare(expected, actual);
        boolean error = actual.contains("ERROR!");
        Verdict verdict = error ? Verdict.FAIL : c.matches() ? Verdict.PASS : Verdict.DRIFT;
        add(step, verdict, error ? 1 : 0, c.expected(), c.actual(), c.matches() ? "" : c.diff(),
                error ? "exit status 1" : null);
        failed |= error;
    }

    private void file(Step template) {
        Step step = template instanceof EditStep e
                ? new EditStep(results.size() + 1, e.source(), e.line(), blockAt(e.line()).section(), e.path(), e.format(),
                e.fragment(), e.policy())
                : new WriteStep(results.size() + 1, template.source(), template.line(), blockAt(template.line()).section(),
                ((WriteStep) template).path(), "", StepPolicy.DEFAULT);
        add(step, Verdict.PASS, 0, "", "", "", null);
    }

    private void skip(int line, String command, String why) {
        Step step = new CommandStep(results.size() + 1, "guide_synapse.rst", line, blockAt(line).section(), command,
                new ShellPrompt("env", "isabell", "stardust", "~", "$"), List.of(), List.of(), List.of(),
                new StepPolicy(Duration.ofMinutes(5), false, why, 0));
        add(step, Verdict.SKIP, -1, "", "", "", why);
    }

    private int firstFailure() {
        return results.stream().filter(r -> r.verdict() == Verdict.FAIL).findFirst().orElseThrow().step().n();
    }

    private void add(Step step, Verdict verdict, int exit, String expected, String actual, String diff, String reason) {
        results.add(new StepResult(step, verdict, exit, expected, actual, diff, reason,
                Duration.ofMillis(verdict == Verdict.SKIP ? 0 : 40L + 173L * step.n() % 2900)));
    }
}
