package dev.rehearse.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunInstructionTest {

    @ParameterizedTest
    @ValueSource(strings = {"Run:", "Run::", "Run the following command:", "Run the following command to add a note:",
            "Then run these commands:", "In a terminal, type:", "Build it first. Now run:", "Execute the following:",
            "From the project folder, run the following commands::", "To install it, run:",
            "If you use Debian or Ubuntu, run:"})
    void asksToRunTheBlockAfterIt(String prose) {
        assertTrue(RunInstruction.asksToRunWhatFollows(prose), prose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Run `app --version`, which prints:", "Run the command above; it should say:",
            "Run it again and you should see:", "The output:", "Reset the counter:", "Run the tests. Output:",
            "Run this to see the output:", "Run:\n\nthe build, then check the result", "Type `make`.",
            "To see its version, run `app -v`:", "After installing the package, you can run it with:"})
    void doesNot(String prose) {
        assertFalse(RunInstruction.asksToRunWhatFollows(prose), prose);
    }
}
