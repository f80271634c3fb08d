package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A run that skips the step capturing a value its own steps type is refused before it starts, unless given. */
class SkippedCapturesTest {
    private static final TargetFacts FACTS = new TargetFacts("robin", "ravel", "/home/robin", "robin.ravel.test");

    /** step 1 captures the port, step 2 echoes something else, step 3 types the port, step 4 writes it */
    private static Plan plan(Bindings bindings) {
        return new Steps()
                .command("uberspace port add", StepPolicy.DEFAULT, List.of(),
                        List.of(new Capture("40132", "Port (\\d+) will be open")), Steps.lines("Port 40132 will be open"))
                .command("echo unrelated 401321", "unrelated 401321")
                .command("curl http://localhost:40132/", "ok")
                .step(new WriteStep(4, "fixture.rst", 40, List.of("Test"), "~/etc/app.ini", "port = 40132\n",
                        StepPolicy.DEFAULT))
                .plan(bindings);
    }

    @Test
    void fromAStepAfterTheCaptureIsRefusedAtTheFirstStepThatTypesTheValue() {
        BadInput refused = assertThrows(BadInput.class,
                () -> SkippedCaptures.check(plan(Steps.bindingsFor(FACTS)), StepSelection.of(2, null)));
        assertEquals("fixture.rst:30: step 3 needs 40132, which step 1 captures while it runs, and step 1 is skipped "
                + "(before --from 2): give the value it printed with --bind '40132=VALUE'", refused.getMessage());
    }

    @Test
    void aFileStepThatWritesTheValueCountsToo() {
        BadInput refused = assertThrows(BadInput.class,
                () -> SkippedCaptures.check(plan(Steps.bindingsFor(FACTS)), StepSelection.of(null, "4")));
        assertEquals("fixture.rst:40: step 4 needs 40132, which step 1 captures while it runs, and step 1 is skipped "
                + "(not --only 4): give the value it printed with --bind '40132=VALUE'", refused.getMessage());
    }

    @Test
    void theValueGivenWithBindOrTheCapturingStepInTheSelectionLetsItRun() {
        Bindings given = Steps.bindingsFor(FACTS).bind(new Binding("40132", "61234", Binding.Origin.COMMAND_LINE, false));
        assertDoesNotThrow(() -> SkippedCaptures.check(plan(given), StepSelection.of(2, null)));
        assertDoesNotThrow(() -> SkippedCaptures.check(plan(Steps.bindingsFor(FACTS)), StepSelection.ALL));
        // only step 2 runs: it types 401321, which is not the token 40132
        assertDoesNotThrow(() -> SkippedCaptures.check(plan(Steps.bindingsFor(FACTS)), StepSelection.of(null, "2")));
    }
}
