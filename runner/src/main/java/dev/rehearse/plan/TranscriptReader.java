package dev.rehearse.plan;

import dev.rehearse.bind.ShellText;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.BoundedText;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.AccountPassword;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a console block as a terminal session: shell prompts, the commands typed at them (with {@code \}
 * continuations, open quotes and here-documents), and what each command shows up to the next prompt:
 * output, elisions, answered prompts and REPL sub-sessions. A block with no shell prompt is not a session.
 */
public final class TranscriptReader {
    /** what zsh's PS2 says is open: {@code for> }, {@code if then> }, {@code heredoc> } */
    private static final String ZSH_OPEN = "(?:if|then|else|elif|for|foreach|while|until|repeat|select|case|function"
            + "|do|heredoc|dquote|quote|bquote|cmdsubst|subsh|cursh|pipe|cmdand|cmdor|math|mathsubst|braceparam|array)";
    /** bash's PS2 ({@code > }), or zsh's */
    private static final Pattern CONTINUATION_PROMPT = Pattern.compile(
            "(?:" + ZSH_OPEN + " )*" + ZSH_OPEN + "?>(?: |$)");
    private final List<AnswerRule> rules;
    private final String defaultSecret;

    /**
     * @param rules         sidecar answers, tried on every output line before the built-in prompt shapes
     * @param defaultSecret literal of the secret binding that hidden prompts get, or null when none is known
     */
    public TranscriptReader(List<AnswerRule> rules, String defaultSecret) {
        this.rules = List.copyOf(rules);
        this.defaultSecret = defaultSecret;
    }

    /** A reader with no sidecar, for looking at prompts only (lint). */
    public static TranscriptReader plain() {
        return new TranscriptReader(List.of(), null);
    }

    /**
     * @param lines     the block's lines, indentation removed
     * @param firstLine the file line of {@code lines.get(0)}
     * @param language  the block's language (only shell-like ones can be sessions)
     * @return the session, or empty when the block shows no shell prompt
     */
    public Optional<Transcript> read(List<String> lines, int firstLine, String language) {
        List<ShellPromptSyntax.Style> styles = ShellPromptSyntax.stylesOf(lines, language);
        if (styles.isEmpty()) {
            return Optional.empty();
        }
        Transcript read = read(lines, firstLine, styles, false);
        // output GitHub's docs mark with "> ": known once the commands (and the lines they take) are known
        return Optional.of(marksItsOutput(read, lines, firstLine) ? read(lines, firstLine, styles, true) : read);
    }

    private static boolean marksItsOutput(Transcript read, List<String> lines, int firstLine) {
        List<String> output = new ArrayList<>();
        for (TranscriptCommand entry : read.entries()) {
            for (ExpectedLine e : entry.expected()) {
                if (e.kind() == ExpectedLine.Kind.REPL_INPUT) {
                    return false; // a REPL's prompt (Node's "> ", Python's ">>> ") marks what is typed, not output
                }
                output.add(lines.get(e.sourceLine() - firstLine));
            }
        }
        return MarkedOutput.marks(output);
    }

    private Transcript read(List<String> lines, int firstLine, List<ShellPromptSyntax.Style> styles, boolean marked) {
        SessionPrompts session = new SessionPrompts(styles);
        List<TranscriptCommand> entries = new ArrayList<>();
        // the prompt the look for a command's last line stopped at: the next command's, read once
        Optional<SessionPrompts.Found> next = null;
        ShellPromptSyntax.Style first = null;
        int i = 0;
        while (i < lines.size()) {
            Optional<SessionPrompts.Found> prompt = next != null ? next : session.find(lines.get(i));
            next = null;
            if (prompt.isEmpty()) {
                i++; // text before the first prompt: the author's remark, nothing typed
                continue;
            }
            first = first == null ? prompt.get().style() : first;
            int start = i;
            int end = i + 1;
            String command = prompt.get().match().command().strip();
            String untyped = PromptText.repeatedPrompt(command, prompt.get().style());
            if (untyped != null) {
                command = command.substring(untyped.length()).strip();
            }
            if (PromptText.isElision(command)) {
                // the author cut what the command before went on to print (or what came between): nothing is typed
                untyped = command;
                command = "";
                TranscriptCommand before = entries.isEmpty() ? null : entries.get(entries.size() - 1);
                if (before != null && !before.expected().isEmpty()) {
                    entries.set(entries.size() - 1, cutAtItsEnd(before, firstLine + i, untyped));
                }
            }
            session.typed(prompt.get(), command);
            while (end < lines.size() && (next = session.find(lines.get(end))).isEmpty()) {
                end++;
            }
            if (!command.isEmpty()) {
                List<String> typed = commandLines(command, lines.subList(i + 1, end));
                command = String.join("\n", typed);
                i += typed.size() - 1;
            }
            if (command.startsWith(Interaction.INTERRUPT) && !entries.isEmpty()) {
                // "[isabell@stardust ~]$ ^C": the author pressed Ctrl-C while the command before ran
                entries.set(entries.size() - 1, interrupted(entries.get(entries.size() - 1)));
                command = "";
            }
            Output output = marked ? readMarkedOutput(lines.subList(i + 1, end), firstLine + i + 1, command)
                    : readOutput(lines.subList(i + 1, end), firstLine + i + 1, command);
            entries.add(new TranscriptCommand(firstLine + start, firstLine + i, prompt.get().match().prompt(), command,
                    output.expected, output.interactions, untyped));
            i = end;
        }
        return new Transcript(first != null ? first : styles.get(0), List.copyOf(entries));
    }

    /** {@code c} with an elision after the output it shows: the author cut the rest at line {@code line}. */
    private static TranscriptCommand cutAtItsEnd(TranscriptCommand c, int line, String mark) {
        List<ExpectedLine> expected = new ArrayList<>(c.expected());
        expected.add(ExpectedLine.elision(line, mark));
        return c.withExpected(expected);
    }

    /**
     * The lines of the command typed at a prompt: where the shell waits for more, the lines after it, as the
     * terminal showed them. A terminal shows them after its continuation prompt ({@code > }, zsh's {@code for> },
     * {@code heredoc> }), which the reader never typed: where every line the command takes has one, it goes.
     */
    static List<String> commandLines(String first, List<String> next) {
        int prompted = 0;
        List<String> bare = new ArrayList<>();
        while (prompted < next.size()) {
            // every continuation prompt has its >: most lines after a command are its output, and have none
            if (next.get(prompted).indexOf('>') < 0) {
                break;
            }
            Matcher m = CONTINUATION_PROMPT.matcher(next.get(prompted));
            if (!m.lookingAt()) {
                break;
            }
            bare.add(next.get(prompted).substring(m.end()));
            prompted++;
        }
        if (prompted > 0 && ShellText.needsMoreLines(first)) {
            List<String> typed = ShellText.commandLines(first, bare);
            if (!ShellText.needsMoreLines(String.join("\n", typed))) {
                return typed;
            }
        }
        return ShellText.commandLines(first, next);
    }

    /** What a command's output lines expect, and the prompts among them, with what is typed at each. */
    static final class Output {
        final List<ExpectedLine> expected = new ArrayList<>();
        final List<Interaction> interactions = new ArrayList<>();
    }

    /**
     * Output lines marked with {@code >} ({@link MarkedOutput}), read as they would be unmarked; the remarks among
     * them are not output.
     */
    Output readMarkedOutput(List<String> lines, int firstLine, String command) {
        Output out = readOutput(lines.stream().map(MarkedOutput::unmarked).toList(), firstLine, command);
        out.expected.removeIf(e -> e.kind() == ExpectedLine.Kind.OUTPUT
                && MarkedOutput.isRemark(lines.get(e.sourceLine() - firstLine)));
        return out;
    }

    /**
     * The output lines shown for {@code command} as a transcript's would be read after it: in a block of their own
     * ({@link SeparateOutput}), the prompts they show are answered as they would be at a prompt's command.
     */
    Output readOutput(List<String> lines, int firstLine, String command) {
        List<ReadPrompts.Asked> asked = ReadPrompts.of(command);
        ReplPromptSyntax.Program startedBy = ReplPromptSyntax.startedBy(command);
        Output out = new Output();
        ReplPromptSyntax.Line repl = null;
        // the REPL's own prompt last shown, where its input ends (not a statement's continuation)
        String replPrompt = null;
        // a wizard's first question may be a bare label: it is read as if a prompt came before it
        boolean previousWasPrompt = CommandHints.asksFirst(command);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            int at = firstLine + k;
            Optional<ReplPromptSyntax.Line> replLine = replLine(line, repl, startedBy);
            if (replLine.isPresent() && replLine.get().continued() && replLine.get().input().isEmpty()
                    && (out.expected.isEmpty() || out.expected.get(out.expected.size() - 1).kind()
                    != ExpectedLine.Kind.REPL_INPUT)) {
                // a bare "..." after output, not after a statement that goes on: the author's cut of the output
                out.expected.add(ExpectedLine.elision(at, line));
                previousWasPrompt = false;
                continue;
            }
            if (replLine.isPresent()) {
                repl = replLine.get();
                replPrompt = repl.continued() ? replPrompt : repl.prompt();
                out.expected.add(new ExpectedLine(at, line, ExpectedLine.Kind.REPL_INPUT, repl.prompt(), repl.input()));
                boolean closing = repl.input().isEmpty() && !repl.continued() && !anyReplLineAfter(lines, k, repl);
                out.interactions.add(new Interaction(repl.prompt(), repl.input(), false, closing, null));
                previousWasPrompt = false;
                continue;
            }
            if (repl != null && repl.program().isRemark(line.strip())) {
                out.expected.add(ExpectedLine.remark(at, line));
                continue;
            }
            if (line.strip().startsWith(Interaction.INTERRUPT)) {
                // ^C: the guide stopped a command that runs on (a server) once it showed what came before; what
                // follows on the line is what the program printed as it stopped
                out.expected.add(ExpectedLine.elision(at, line));
                lastShown(out.expected).ifPresent(shown -> out.interactions.add(Interaction.interrupt(shown)));
                previousWasPrompt = false;
                continue;
            }
            if (line.strip().startsWith(END_OF_INPUT)) {
                // ^D: the reader ended the input; into a cat writing a file, the lines before it were typed
                if (CAT_INTO_FILE.matcher(command).matches() && out.interactions.isEmpty()
                        && out.expected.stream().allMatch(e -> e.kind() == ExpectedLine.Kind.OUTPUT)
                        && !out.expected.isEmpty()) {
                    out.interactions.add(new Interaction("", String.join("\n", out.expected.stream()
                            .map(ExpectedLine::text).toList()), false, false, null));
                }
                out.expected.add(ExpectedLine.endOfInput(at, line));
                out.interactions.add(new Interaction("", "", false, true, null));
                previousWasPrompt = false;
                continue;
            }
            Interaction before = previousWasPrompt && !out.interactions.isEmpty()
                    ? out.interactions.get(out.interactions.size() - 1) : null;
            // a sidecar's rule wins over what the transcript shows typed, at a read -p or input() prompt too
            Optional<Interaction> ruled = answerFromRules(line);
            Optional<Interaction> read = ruled.isPresent() ? Optional.empty()
                    : ReadPrompts.answer(asked, line).map(p -> interaction(p, before, command));
            if (read.isPresent()) {
                out.expected.add(new ExpectedLine(at, line, ExpectedLine.Kind.PROMPT, read.get().prompt(),
                        read.get().hidden() ? "" : read.get().answer()));
                out.interactions.add(read.get());
                previousWasPrompt = true;
                continue;
            }
            if (Elisions.is(line)) {
                out.expected.add(ExpectedLine.elision(at, line));
                previousWasPrompt = false;
                continue;
            }
            Optional<Interaction> answered = ruled;
            if (answered.isEmpty()) {
                answered = AnswerPromptSyntax.match(line, k > 0 ? lines.get(k - 1) : null,
                        k + 1 < lines.size() ? lines.get(k + 1) : null, previousWasPrompt)
                        .map(p -> interaction(p, before, command));
            }
            if (answered.isPresent()) {
                Interaction interaction = answered.get();
                String shown = interaction.hidden() ? "" : interaction.answer();
                out.expected.add(new ExpectedLine(at, line, ExpectedLine.Kind.PROMPT, interaction.prompt(), shown));
                out.interactions.add(interaction);
                previousWasPrompt = true;
            } else {
                out.expected.add(ExpectedLine.output(at, line));
                previousWasPrompt = false;
            }
        }
        // the blank lines authors leave before the next prompt are layout, not output
        while (!out.expected.isEmpty() && out.expected.get(out.expected.size() - 1).kind() == ExpectedLine.Kind.OUTPUT
                && out.expected.get(out.expected.size() - 1).text().isBlank()) {
            out.expected.remove(out.expected.size() - 1);
        }
        if (repl != null && (!repl.input().isEmpty() || repl.continued()) && !repl.quits()) {
            // the guide leaves the REPL by returning to the shell prompt: close its input at the REPL's own prompt
            out.interactions.add(new Interaction(replPrompt, "", false, true, null));
        }
        if (BARE_READ.matcher(command).matches() && out.interactions.isEmpty() && out.expected.size() == 1
                && out.expected.get(0).kind() == ExpectedLine.Kind.OUTPUT) {
            // read with no prompt of its own, and the one line after it: what the reader typed, as the terminal
            // showed it
            out.interactions.add(new Interaction("", out.expected.get(0).text(), false, false, null));
        }
        return out;
    }

    /** the shell's read with no prompt of its own: {@code read name}, {@code IFS= read -r line} */
    private static final Pattern BARE_READ = Pattern.compile("\\s*(?:IFS=\\S*\\s+)?read(?:\\s+-[a-oq-zA-Z]+)*"
            + "(?:\\s+[A-Za-z_]\\w*)+\\s*");

    /** a transcript's Ctrl-D */
    private static final String END_OF_INPUT = "^D";
    /** {@code cat > notes.txt}, {@code cat >> notes.txt}, {@code cat - > notes.txt}: what is typed goes to the file */
    private static final Pattern CAT_INTO_FILE = Pattern.compile("\\s*cat(?:\\s+-)?\\s*>>?\\s*[^\\s;&|<>]+\\s*");

    /** The command stopped with Ctrl-C once the last line of output the guide shows has come (as is when none is shown). */
    public static TranscriptCommand interrupted(TranscriptCommand c) {
        return onceShown(c, Interaction::interrupt);
    }

    /**
     * The command left running in its terminal once the last line of output the guide shows has come, the guide
     * going on in another (as is when none is shown: there is nothing to wait for).
     */
    public static TranscriptCommand leftRunning(TranscriptCommand c) {
        return onceShown(c, Interaction::leave);
    }

    private static TranscriptCommand onceShown(TranscriptCommand c, Function<String, Interaction> then) {
        Optional<String> shown = lastShown(c.expected());
        if (shown.isEmpty() || c.interrupts()) {
            return c;
        }
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.add(then.apply(shown.get()));
        return c.withInteractions(interactions);
    }

    /**
     * What the runner waits to see before it interrupts: two words of the last line the guide shows, taken from its
     * longest run of words without digits (a pid, a time or a port differs on every run), so that
     * {@code spawned uWSGI worker 1 (pid: 23455)} waits for "uWSGI worker".
     */
    private static Optional<String> lastShown(List<ExpectedLine> expected) {
        for (int j = expected.size() - 1; j >= 0; j--) {
            ExpectedLine e = expected.get(j);
            if (e.kind() != ExpectedLine.Kind.OUTPUT || e.text().isBlank()) {
                continue;
            }
            List<String> run = new ArrayList<>();
            List<String> last = List.of();
            for (String word : e.text().strip().split("\\s+")) {
                if (word.matches(".*[A-Za-z].*") && !word.matches(".*\\d.*")) {
                    run.add(word);
                    last = run.size() >= last.size() ? List.copyOf(run) : last;
                } else {
                    run.clear();
                }
            }
            if (!last.isEmpty()) {
                return Optional.of(String.join(" ", last.subList(Math.max(0, last.size() - 2), last.size())));
            }
        }
        return Optional.empty();
    }

    private static boolean anyReplLineAfter(List<String> lines, int k, ReplPromptSyntax.Line open) {
        for (int j = k + 1; j < lines.size(); j++) {
            if (replLine(lines.get(j), open, null).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line typed into a REPL that {@code line} shows, at the start of the line or, in an open REPL, at its prompt
     * following output that ended without a newline ({@code 0 1 2 >>> print("spam")}): the reader types it there.
     */
    private static Optional<ReplPromptSyntax.Line> replLine(String line, ReplPromptSyntax.Line open,
                                                            ReplPromptSyntax.Program startedBy) {
        ReplPromptSyntax.Program program = open == null ? null : open.program();
        return ReplPromptSyntax.match(line, program, startedBy)
                .or(() -> ReplPromptSyntax.gluedAfterOutput(line, program));
    }

    /** @throws BadInput when a rule backtracks without end on the line, which would hold the plan for ever */
    private Optional<Interaction> answerFromRules(String line) {
        for (AnswerRule rule : rules) {
            Matcher m = rule.prompt().matcher(BoundedText.of(line));
            if (found(m, rule)) {
                String prompt = line.substring(0, m.end()).strip();
                String answer = rule.binding() != null ? rule.binding() : rule.answer();
                return Optional.of(new Interaction(prompt, answer, rule.hidden(), false, rule.binding()));
            }
        }
        return Optional.empty();
    }

    private static boolean found(Matcher m, AnswerRule rule) {
        try {
            return m.find();
        } catch (BoundedText.TooSlow slow) {
            throw new BadInput(rule.file(), rule.line(),
                    BoundedText.TooSlow.told("the answer's prompt", "a line of the guide"));
        }
    }

    /**
     * @param before  the prompt straight before this one in the same output, or null
     * @param command the command whose output shows the prompt
     */
    private Interaction interaction(AnswerPromptSyntax.Prompt prompt, Interaction before, String command) {
        if (prompt.hidden() && prompt.answer().isEmpty()) {
            if (before != null && before.hidden()) {
                // asked again ("Enter same passphrase again:", "Retype new password:"): what the first one got
                return new Interaction(prompt.prompt(), before.answer(), true, false, before.binding());
            }
            if (AnswerPromptSyntax.offersNone(prompt.prompt())) {
                // "Enter passphrase (empty for no passphrase):": a reader presses Enter, and what comes later (a
                // key used without asking) counts on it
                return new Interaction(prompt.prompt(), "", true, false, null);
            }
            AccountPassword account = AccountPassword.askedAt(command, prompt.prompt());
            if (account != null) {
                return new Interaction(prompt.prompt(), account.binding(), true, false, account.binding());
            }
            return new Interaction(prompt.prompt(), defaultSecret, true, false, defaultSecret);
        }
        return new Interaction(prompt.prompt(), prompt.answer(), prompt.hidden(), false, null);
    }
}
