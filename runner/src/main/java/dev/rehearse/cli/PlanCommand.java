package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Syntax;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Planner;
import dev.rehearse.plan.Runbook;
import dev.rehearse.read.Guides;

import java.io.PrintWriter;

/**
 * {@code rehearse plan RUNBOOK [--json] [--target SPEC]}: the numbered steps with bindings applied; nothing runs. With
 * {@code --target}, the bindings are the target's own (its user, home and host), as a run there would type them.
 */
public final class PlanCommand implements Command {
    static final String DESCRIPTION = "Shows the steps a runbook turns into, bindings applied (secrets as their "
            + "placeholder). Runs nothing; with --target, opens the target only to learn its user, home and host.";

    private static final Option<Boolean> JSON = Option.flag("--json", "print {\"runbook\": NAME, \"bindings\": "
            + "[...], \"steps\": [...]} as JSON; every field: docs/schemas/plan.schema.json");

    private static final Option<Boolean> EXPLAIN = Option.flag("--explain",
            "also list every block that is not a step, with why");

    private final GuideReader reader;

    /** With the reader to use ({@link Guides#BY_FORMAT}, or another in tests). */
    PlanCommand(GuideReader reader) {
        this.reader = reader;
    }

    @Override
    public Syntax syntax() {
        return Syntax.command("rehearse plan", DESCRIPTION).parameter(TargetChoice.RUNBOOK)
                .options(JSON, EXPLAIN).options(TargetChoice.options()).build();
    }

    @Override
    public int run(Arguments given, PrintWriter out, PrintWriter err) {
        Runbook r = Runbook.load(given.get(TargetChoice.RUNBOOK));
        Guide guide = reader.read(r.guide(), r.roots());
        Plan plan = TargetChoice.target(given) == null
                ? new Planner(PlanningFacts.local(), TargetChoice.overrides(given.get(TargetChoice.BIND))).plan(r, guide)
                : TargetChoice.rehearsal(given, err).planFor(r, guide, note -> err.println("rehearse: " + note));
        if (given.get(EXPLAIN) && plan.steps().isEmpty()) {
            // what each block is instead answers the question a plan of nothing raises
            out.print(PlanText.render(plan, r, true));
            out.flush();
        }
        plan.runnable();
        out.print(given.get(JSON) ? PlanJson.render(plan) : PlanText.render(plan, r, given.get(EXPLAIN)));
        out.flush();
        return 0;
    }
}
