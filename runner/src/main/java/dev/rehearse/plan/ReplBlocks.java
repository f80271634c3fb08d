package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.model.Interaction;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A block of what is typed at a REPL's prompts with no shell prompt in it ({@code >>> import json},
 * {@code sqlite> SELECT 1;}, {@code synapse=# \dt}), as Django's tutorial and Python projects' docs write it: the
 * command that opens the REPL stands alone in the block before ({@code $ python manage.py shell}), or nowhere (a
 * doctest: "check it from Python"). The reader types the lines into that REPL, or into a Python they start.
 */
final class ReplBlocks {
    /** a Python interpreter named by the commands before: {@code python}, {@code python3}, {@code python3.11} */
    private static final Pattern PYTHON = Pattern.compile(
            "^(?:sudo\\s+(?:-\\S+\\s+)*)?(python(?:\\d(?:\\.\\d+)?)?)(?:\\s|$)");

    private ReplBlocks() {
    }

    /**
     * The REPL whose prompt opens the block (its first line that is not blank), if one does; Node.js's bare {@code >}
     * only after a step that opened Node.js's REPL ({@code $ node}).
     */
    static Optional<ReplPromptSyntax.Program> opened(Block block, List<Step> steps) {
        ReplPromptSyntax.Program startedBy = !steps.isEmpty() && steps.get(steps.size() - 1) instanceof CommandStep c
                ? ReplPromptSyntax.startedBy(c.command()) : null;
        return firstNonBlankLine(block.text()).flatMap(first -> ReplPromptSyntax.match(first.strip(), null, startedBy))
                .map(ReplPromptSyntax.Line::program);
    }

    /** as {@code block.lines()} would give it, without splitting a long block into all its lines for it */
    private static Optional<String> firstNonBlankLine(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (int from = 0; ; ) {
            int end = text.indexOf('\n', from);
            String line = text.substring(from, end < 0 ? text.length() : end);
            if (!line.isBlank()) {
                return Optional.of(line);
            }
            if (end < 0) {
                return Optional.empty();
            }
            from = end + 1;
        }
    }

    /**
     * A command that opens a REPL: its program ({@code sudo -u postgres psql}, {@code docker exec -it db mysql -p},
     * {@code poetry run python}; Python with options only, as with a script it runs the script) or a {@code shell}
     * or {@code console} subcommand ({@code python manage.py shell}, {@code flask shell}, {@code rails console}),
     * where no option gives it the statement to run instead ({@code psql -c}, {@code mysql -e})
     */
    private static final Pattern OPENS_A_REPL = Pattern.compile("(?:^|[\\s/])(?:(?:sqlite3|mysql|mariadb|psql|redis-cli"
            + "|shell|console|dbshell)(?=\\s|$)(?!.*\\s-[ce](?:\\s|$))|python(?:\\d(?:\\.\\d+)?)?(?:\\s+-\\w+)*\\s*$)");

    /**
     * The last step with the block's lines typed at its REPL's prompts: where the block before was typed into its
     * REPL already and the run was to end the input only after it (a second block of the same session: "Now create a
     * question:", then "And list them:"), or where it is the last command of the block before and opens a REPL that
     * it leaves open (the guide shows nothing that ends or leaves it: no end of input, no {@code exit()}).
     */
    static Optional<CommandStep> continuing(Block block, Block before, List<Step> steps, TranscriptReader reader) {
        if (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof CommandStep last)) {
            return Optional.empty();
        }
        List<Interaction> asked;
        if (typedInto(before, last) && endedByTheRun(last)) {
            asked = last.interactions().subList(0, last.interactions().size() - 1);
        } else if (BlockSteps.stepOf(before, last) && (OPENS_A_REPL.matcher(last.command()).find()
                || ReplPromptSyntax.startedBy(last.command()) != null)
                && last.interactions().stream().noneMatch(i -> i.eof() || ReplPromptSyntax.quits(i.answer()))) {
            asked = last.interactions();
        } else {
            return Optional.empty();
        }
        TranscriptReader.Output typed = reader.readOutput(block.lines(), block.contentLine(), last.command());
        return Optional.of(last.withShown(concat(last.expected(), typed.expected), concat(asked, typed.interactions)));
    }

    /** Lines of {@code block} are typed into the step's REPL. */
    private static boolean typedInto(Block block, CommandStep step) {
        return block != null && block.source().equals(step.source()) && step.expected().stream()
                .anyMatch(e -> e.kind() == ExpectedLine.Kind.REPL_INPUT && block.holdsLine(e.sourceLine()));
    }

    /**
     * The step's last interaction is the end of input the run adds where the guide returns to the shell: the guide
     * shows no prompt of the REPL's own left bare there (that line would expect nothing typed after it).
     */
    private static boolean endedByTheRun(CommandStep step) {
        List<Interaction> asked = step.interactions();
        Interaction end = asked.isEmpty() ? null : asked.get(asked.size() - 1);
        ExpectedLine lastTyped = step.expected().stream().filter(e -> e.kind() == ExpectedLine.Kind.REPL_INPUT)
                .reduce((a, b) -> b).orElse(null);
        boolean shownBare = lastTyped != null && lastTyped.closesRepl() && end != null
                && end.prompt().equals(lastTyped.prompt());
        return end != null && end.eof() && !end.interrupts() && !end.leaves() && end.answer().isEmpty() && !shownBare;
    }

    /**
     * A command that starts Python for a block {@link #opened} at its {@code >>>} prompt that follows no command
     * opening it: the interpreter the guide ran last ({@code python3.11 -m venv}, {@code python manage.py}), else
     * {@code python3}.
     */
    static Optional<TranscriptCommand> startingPython(Block block, ReplPromptSyntax.Program opened, List<Step> steps,
                                                      TranscriptReader reader) {
        if (opened != ReplPromptSyntax.Program.PYTHON) {
            return Optional.empty();
        }
        String python = "python3";
        for (Step step : steps) {
            if (step instanceof CommandStep c) {
                Matcher m = PYTHON.matcher(c.command().strip());
                python = m.find() ? m.group(1) : python;
            }
        }
        TranscriptReader.Output typed = reader.readOutput(block.lines(), block.contentLine(), python);
        int first = typed.expected.isEmpty() ? block.contentLine() : typed.expected.get(0).sourceLine();
        return Optional.of(new TranscriptCommand(first, first, null, python, List.copyOf(typed.expected),
                List.copyOf(typed.interactions)));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
