package dev.rehearse.cli;

import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.read.Guides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rehearse plan RUNBOOK [--json]}: the numbered steps with bindings applied; nothing runs. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows the steps a runbook turns into, bindings applied (secrets as their placeholder). Runs nothing.")
public final class PlanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUNBOOK", description = "a runbook folder, its runbook.yaml, or a guide file")
    Path runbook;

    @Option(names = "--json", description = "print {\"runbook\": NAME, \"bindings\": [...], \"steps\": [...]} as JSON; "
            + "every field: docs/schemas/plan.schema.json")
    boolean json;

    @Option(names = "--explain", description = "also list every block that is not a step, with why")
    boolean explain;

    @Option(names = "--bind", paramLabel = "NAME=VALUE", description = "set a sidecar variable, or bind an example value")
    List<String> binds = List.of();

    @Spec
    CommandSpec spec;

    private final GuideReader reader;

    public PlanCommand() {
        this(Guides.BY_FORMAT);
    }

    /** With the reader to use, for tests that read guides another way. */
    public PlanCommand(GuideReader reader) {
        this.reader = reader;
    }

    @Override
    public Integer call() {
        Runbook r = Runbook.load(runbook);
        Guide guide = reader.read(r.guide(), r.roots());
        Plan plan = new Planner(PlanningFacts.local(), TargetChoice.overrides(binds)).plan(r, guide).runnable();
        spec.commandLine().getOut().print(json ? PlanJson.render(plan) : PlanText.render(plan, r, explain));
        spec.commandLine().getOut().flush();
        return 0;
    }

}
