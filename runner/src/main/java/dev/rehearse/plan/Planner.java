package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.bind.FactBindings;
import dev.rehearse.bind.Generated;
import dev.rehearse.bind.Literals;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.plan.BindingResolver.CaptureRule;
import dev.rehearse.plan.Runbook.StepRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a runbook into its plan: every block in guide order (includes inlined, each with its own origin)
 * becomes command steps (one per prompt where something is typed), a write, an edit, or nothing; the sidecar's
 * policies, answers and captures are attached; values the guide shows in one step's output and reuses later
 * are captured and carried forward; and every binding is checked against every command it may stand in.
 */
public final class Planner {

    /** The placeholder hidden prompts get when the sidecar binds no secret; it is bound to a generated one. */
    public static final String GENERATED_SECRET = "<password>";

    private final TargetFacts facts;
    private final Map<String, String> overrides;

    /**
     * @param facts     the target's facts, for the example values every guide uses
     * @param overrides {@code --bind NAME=VALUE}: a sidecar variable, or else an example value, by name
     */
    public Planner(TargetFacts facts, Map<String, String> overrides) {
        this.facts = facts;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * What of a plan does not depend on the target or the values bound: the guide's steps with the sidecar's
     * policies and answers, before anything is bound or captured. A run drafts once, checks the guide with a plan of
     * its example values before its target is open, then plans the draft again against the target's facts.
     */
    public record Draft(Runbook runbook, Guide guide, List<Step> steps, List<NotAStep> notSteps) {
        public Draft {
            steps = List.copyOf(steps);
            notSteps = List.copyOf(notSteps);
        }
    }

    /** @throws BadInput when the sidecar's step rules or answers do not fit the guide */
    public static Draft draft(Runbook runbook, Guide guide) {
        String secret = BindingResolver.defaultSecret(runbook);
        List<NotAStep> notSteps = new ArrayList<>();
        List<Step> steps = stepsOf(guide, new TranscriptReader(runbook.answers(), secret != null ? secret
                : GENERATED_SECRET), runbook.defaults(), notSteps);
        steps = ServiceNames.filledIn(ShownStatuses.expected(stoppedAsTheySay(steps)));
        return new Draft(runbook, guide, withPolicies(steps, runbook), notSteps);
    }

    /** @throws BadInput when the sidecar asks for something the guide does not have, or a value is unsafe */
    public Plan plan(Runbook runbook, Guide guide) {
        return plan(draft(runbook, guide));
    }

    /** @throws BadInput when the sidecar asks for something the guide does not have, or a value is unsafe */
    public Plan plan(Draft draft) {
        Runbook runbook = draft.runbook();
        BindingResolver resolver = new BindingResolver(runbook, facts, overrides,
                FactBindings.examplesOf(typedAndShown(draft.steps())));
        Bindings bindings = resolver.bindings();
        String secret = resolver.defaultSecret() != null ? resolver.defaultSecret() : GENERATED_SECRET;
        List<Step> steps = withCaptures(draft.steps(), resolver.captures(), bindings, draft.guide());
        if (bindings.get(secret).isEmpty() && usesBinding(steps, secret)) {
            // the secret typed at hidden prompts is the one the guide writes as <password> in its commands too
            bindings.bind(new Binding(secret, Generated.secret(), Binding.Origin.GENERATED, true));
        }
        checkAnswerBindings(runbook, bindings);
        BoundNames.check(runbook, overrides.keySet(), steps);
        Plan.checkBindings(bindings, steps, runbook.checks());
        return new Plan(runbook.name(), draft.guide(), List.copyOf(steps), bindings, draft.notSteps(),
                Placeholders.unbound(steps, bindings), resolver.vars(), runbook.answers());
    }

    private static List<Step> stepsOf(Guide guide, TranscriptReader reader, StepPolicy policy, List<NotAStep> notSteps) {
        List<Step> steps = new ArrayList<>();
        Map<List<String>, String> sectionFile = new HashMap<>();
        EarlierFiles earlier = new EarlierFiles();
        ProseBetween between = new ProseBetween(guide);
        Block previous = null;
        MarkedBlocks marked = new MarkedBlocks();
        List<Block> blocks = guide.blocks();
        TabChoice tabs = TabChoice.of(blocks);
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            Optional<String> otherTab = tabs.notFollowed(block);
            if (otherTab.isPresent()) {
                notSteps.add(new NotAStep(block.source(), block.contentLine(), block.language() == null ? ""
                        : block.language(), chosen(block), otherTab.get()));
                continue;
            }
            Block before = previous;
            previous = block;
            Block next = b + 1 < blocks.size() && blocks.get(b + 1).source().equals(block.source()) ? blocks.get(b + 1) : null;
            String language = block.language() == null ? "" : block.language();
            Optional<ReplPromptSyntax.Program> repl = ReplBlocks.opened(block, steps);
            // "> x + 2" after "$ node" is typed into its REPL, not output marked as GitHub's docs mark it
            if (BlockLanguage.mayShowPrompts(language) && MarkedOutput.marks(block.lines()) && repl.isEmpty()) {
                notSteps.add(new NotAStep(block.source(), block.contentLine(), language, chosen(block),
                        marked.add(block, before, steps, reader)));
                continue;
            }
            Optional<Transcript> transcript = reader.read(block.lines(), block.contentLine(), block.language());
            // a block the guide says not to type, or offers in place of the way before it, is skipped whatever its
            // prompt says (a reader's own machine's runs)
            Optional<String> notToRun = NotToRun.byProse(block);
            // or one for another machine: the prose says so, or the section or admonition is another system's; or
            // one under the guide's removal or troubleshooting
            Optional<String> notHere = notToRun.or(() -> OtherMachine.byProse(block))
                    .or(() -> OtherSystemSections.of(block, guide.title()))
                    .or(() -> RemovalSections.of(block, guide.title(), !steps.isEmpty()));
            if (transcript.isPresent()) {
                if (transcript.get().commands().isEmpty()) {
                    Optional<CommandStep> last = commandJustBefore(before, steps);
                    if (last.isPresent() && last.get().interactions().stream().noneMatch(Interaction::interrupts)
                            && block.lines().stream().anyMatch(l -> l.strip().startsWith("^C"))) {
                        // the ^C of the server the block before left running, shown in this one
                        steps.set(steps.size() - 1, interrupted(last.get()));
                    }
                    notSteps.add(new NotAStep(block.source(), block.contentLine(), language, chosen(block),
                            last.map(c -> NotAStep.OUTPUT_OF + c.n()).orElse("a session where nothing is typed")));
                }
                List<TranscriptCommand> commands = transcript.get().commands();
                List<TranscriptCommand> entries = transcript.get().entries();
                // a block that ends while its last command still runs (no prompt after it)
                boolean runsOn = !commands.isEmpty() && !entries.get(entries.size() - 1).isEmpty();
                if (runsOn && CommandHints.saysOtherTerminal(between.after(block, next))) {
                    // and the prose after it goes on in another terminal: the command runs on in this one
                    commands = new ArrayList<>(commands);
                    commands.set(commands.size() - 1, TranscriptReader.leftRunning(commands.get(commands.size() - 1)));
                } else if (runsOn && (CommandHints.saysCtrlC(between.before(block, before))
                        || CommandHints.saysCtrlC(between.after(block, next)))) {
                    // and prose around it that says to stop it with Ctrl-C: the ^C the transcript leaves out
                    commands = new ArrayList<>(commands);
                    commands.set(commands.size() - 1, TranscriptReader.interrupted(commands.get(commands.size() - 1)));
                }
                if (!commands.isEmpty()) {
                    // "cp .env.example .env", then the block to put in it ("In here you need to enter ..."): that file
                    CommandHints.copiedTo(commands.get(commands.size() - 1).command()).ifPresent(copy -> {
                        sectionFile.put(block.section(), copy);
                        earlier.worked(copy);
                    });
                }
                for (TranscriptCommand shown : commands) {
                    TranscriptCommand c = stoppedIfItFollows(shown);
                    Optional<CommandHints.Editor> editor = CommandHints.editor(c.command());
                    // the file the reader is to change is the one the next block's content goes into
                    editor.ifPresent(e -> {
                        sectionFile.put(block.section(), e.file());
                        earlier.worked(e.file());
                    });
                    Optional<String> skip = notToRun.or(() -> OtherMachine.byPrompt(c.prompt())).or(() -> notHere)
                            .or(() -> OtherMachine.byCommand(c.command()))
                            .or(() -> editor.map(CommandHints.Editor::why));
                    steps.add(new CommandStep(steps.size() + 1, block.source(), c.line(), block.section(), c.command(),
                            c.prompt(), c.expected(), c.interactions(), List.of(), skip.map(why -> skipped(policy, why))
                            .orElse(c.interrupts() ? interrupted(policy) : policy)));
                }
                continue;
            }
            if (repl.isPresent()) {
                Optional<CommandStep> continued = ReplBlocks.continuing(block, before, steps, reader);
                if (continued.isPresent()) {
                    steps.set(steps.size() - 1, continued.get());
                    notSteps.add(new NotAStep(block.source(), block.contentLine(), language, chosen(block),
                            NotAStep.TYPED_INTO + continued.get().n()));
                    continue;
                }
                Optional<TranscriptCommand> python = ReplBlocks.startingPython(block, repl.get(), steps, reader);
                if (python.isPresent()) {
                    TranscriptCommand c = python.get();
                    steps.add(new CommandStep(steps.size() + 1, block.source(), c.line(), block.section(), c.command(),
                            null, c.expected(), c.interactions(), List.of(), notHere.map(why -> skipped(policy, why))
                            .orElse(policy)));
                    continue;
                }
            }
            if (BareCommands.isPromptDirective(block)) {
                // sphinx-prompt's block: commands, whatever the prose around it names
                addBare(steps, BareCommands.of(guide.format(), block, true, false), block, notHere, policy,
                        sectionFile);
                continue;
            }
            FileTargets.FileTarget target = FileTargets.of(block, block.precedingText(), sectionFile.get(block.section()));
            // all the prose since the block before, where the paragraph before names no file
            String text = target.mode() == null ? between.before(block, before) : null;
            if (target.mode() == null && !isCrontab(block)) {
                if (text != null && !text.equals(block.precedingText())) {
                    FileTargets.FileTarget wider = FileTargets.of(block, text, sectionFile.get(block.section()));
                    // the wider text may name the file or the place a note between hides: its reason then says more
                    target = wider.mode() != null || isVague(target.why()) && !isVague(wider.why()) ? wider : target;
                }
            }
            if (target.mode() == null && target.why().endsWith(FileTargets.NO_FILE_NAMED)) {
                // "Modify the config file again:", sections after the one that named it
                String said = Optional.ofNullable(text).orElse(block.precedingText());
                Optional<String> referred = earlier.referredTo(block, said);
                if (referred.isPresent()) {
                    target = FileTargets.of(block, said, referred.get());
                }
            }
            if (target.mode() == FileTargets.Mode.MERGE && target.format().equals("yaml")
                    && YamlFragments.isListItem(block.text())) {
                // "the entry with port: 8008 of the listeners: section": the merge cannot know which entry; the
                // file is still the one the guide works on
                sectionFile.put(block.section(), target.path());
                earlier.worked(target.path());
                notSteps.add(new NotAStep(block.source(), block.contentLine(), block.language() == null ? ""
                        : block.language(), chosen(block), "a YAML list item for " + target.path()
                        + ", which the guide shows without its key: where in the list it goes is the reader's to find"));
                continue;
            }
            if (target.mode() != null) {
                sectionFile.put(block.section(), target.path());
                earlier.worked(target.path());
                StepPolicy p = notHere.map(why -> skipped(policy, why)).orElse(policy);
                steps.add(target.mode() == FileTargets.Mode.MERGE
                        ? new EditStep(steps.size() + 1, block.source(), block.contentLine(), block.section(),
                        target.path(), target.format(), block.text(), p)
                        : new WriteStep(steps.size() + 1, block.source(), block.contentLine(), block.section(),
                        target.path(), block.text() + "\n", p, target.mode() == FileTargets.Mode.APPEND));
                continue;
            }
            FileTargets.anyPath(block.precedingText()).ifPresent(path -> sectionFile.put(block.section(), path));
            String prose = Optional.ofNullable(text).orElse(block.precedingText());
            List<TranscriptCommand> bare = showsOutputOfTheStepBefore(block, before, steps) ? List.of()
                    : BareCommands.of(guide.format(), block, FileTargets.claimsNothing(target, prose),
                    RunInstruction.asksToRunWhatFollows(prose) || FileTargets.runsTheFile(target));
            if (!bare.isEmpty()) {
                addBare(steps, bare, block, notHere, policy, sectionFile);
                continue;
            }
            String why = whyNoStep(block, before, target, steps);
            if (why.startsWith(NotAStep.OUTPUT_OF)) {
                SeparateOutput.of(block, before, steps, reader).ifPresent(checked -> steps.set(steps.size() - 1, checked));
            }
            notSteps.add(new NotAStep(block.source(), block.contentLine(), language, chosen(block), why));
        }
        return onTheOnlyMachine(onTheirMachine(steps));
    }

    /** Steps of commands whose output the guide does not show. */
    private static void addBare(List<Step> steps, List<TranscriptCommand> bare, Block block, Optional<String> notHere,
                                StepPolicy policy, Map<List<String>, String> sectionFile) {
        for (TranscriptCommand typed : bare) {
            TranscriptCommand c = stoppedIfItFollows(typed);
            // "nano ~/app.conf" in a script block as at a prompt: the reader edits, the next block is what goes in
            Optional<CommandHints.Editor> editor = CommandHints.editor(c.command());
            editor.ifPresent(e -> sectionFile.put(block.section(), e.file()));
            StepPolicy p = notHere.or(() -> OtherMachine.byCommand(c.command()))
                    .or(() -> editor.map(CommandHints.Editor::why)).map(why -> skipped(policy, why))
                    .orElse(c.interrupts() ? interrupted(policy) : policy);
            steps.add(new CommandStep(steps.size() + 1, block.source(), c.line(), block.section(), c.command(),
                    c.prompt(), List.of(), c.interactions(), List.of(), p));
        }
    }

    /**
     * A guide whose every step stands at (or between) prompts of the reader's own computer ({@code alice@laptop:~$})
     * installs on that computer: there is no other machine for its steps, and the target stands in for it. Where
     * any step would run, the prompts tell one machine from the other, and those of the reader's own stay skipped.
     */
    private static List<Step> onTheOnlyMachine(List<Step> steps) {
        // root's prompt on that computer's name is the same machine (Fedora's [root@localhost ~]# among
        // [user@localhost ~]$), though alone it is a server's
        Set<String> readersHosts = new HashSet<>();
        for (Step step : steps) {
            if (atTheReadersPrompt(step) && promptHost(step) != null) {
                readersHosts.add(promptHost(step));
            }
        }
        if (steps.isEmpty() || !steps.stream().allMatch(s -> atTheReadersPrompt(s)
                || readersHosts.contains(promptHost(s)))) {
            return steps;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (atTheReadersPrompt(steps.get(i))) {
                // no reason to skip it left: the step runs
                steps.set(i, withPolicy(steps.get(i), skipped(steps.get(i).policy(), null)));
            }
        }
        return steps;
    }

    /** the host a command step's prompt shows, or null */
    private static String promptHost(Step step) {
        return step instanceof CommandStep c && c.prompt() != null ? c.prompt().host() : null;
    }

    private static boolean atTheReadersPrompt(Step step) {
        return step.policy().skip() != null && step.policy().skip().startsWith(OtherMachine.BY_PROMPT);
    }

    /**
     * A file step between commands that are all for another machine is for that machine too ("add this to your
     * {@code ~/.bashrc.local}" among the commands of the reader's laptop): skipped like them.
     */
    private static List<Step> onTheirMachine(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof CommandStep || step.policy().skip() != null) {
                continue;
            }
            Optional<String> before = elsewhere(steps, i, -1);
            if (before.isPresent() && elsewhere(steps, i, 1).isPresent()) {
                steps.set(i, withPolicy(step, skipped(step.policy(), before.get())));
            }
        }
        return steps;
    }

    /** Why the nearest command before ({@code direction} -1) or after (1) the step is for another machine, if it is. */
    private static Optional<String> elsewhere(List<Step> steps, int at, int direction) {
        for (int i = at + direction; i >= 0 && i < steps.size(); i += direction) {
            if (steps.get(i) instanceof CommandStep c) {
                return Optional.ofNullable(c.policy().skip()).filter(why -> why.startsWith(OtherMachine.WHY));
            }
        }
        return Optional.empty();
    }

    /** A reason that only says the prose named nothing, which a wider reading may improve on. */
    private static boolean isVague(String why) {
        return why.endsWith(FileTargets.NO_FILE_NAMED) || why.endsWith("prose example");
    }

    /** "output", and "outputs" where it says what a command prints ("which outputs", "outputs:"), not "log the outputs" */
    private static final Pattern SHOWS_OUTPUT = Pattern.compile("(?i)\\b(output|which outputs|outputs(?=:)"
            + "|expect(?:ed)?(?=:)|(?:gives|produces|yields)(?=:)"
            + "|should (?:now )?(?:look|see|show|print|return|get)|you(?:'ll| will| should)(?: now)? (?:see|get)"
            + "|returns?(?!\\s+to\\b)|prints?|results?|the response|responds with)\\b");

    /**
     * Whether the prose says that what follows is what a command shows; "Print the count:", "Return to the folder
     * and...", "to output the list" tell the reader what to do, and the block after them is what to type.
     */
    private static boolean saysOutput(String prose) {
        Matcher says = SHOWS_OUTPUT.matcher(prose);
        while (says.find()) {
            if (!IMPERATIVE.matcher(says.group(1)).matches() || !startsAnInstruction(prose, says.start(), says.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A block of a shell's language right after a command's, whose prose says it is output and asks nothing to be run
     * ("Example output:" over a {@code shell} fence, as GitLab's docs write it): the output, not commands.
     */
    private static boolean showsOutputOfTheStepBefore(Block block, Block before, List<Step> steps) {
        String prose = block.precedingText();
        return prose != null && commandJustBefore(before, steps).isPresent() && saysOutput(prose)
                && !ASKS_TO_RUN.matcher(prose).find();
    }

    /** The last step so far, where it is a command of the block right before (whose output a block may show). */
    static Optional<CommandStep> commandJustBefore(Block before, List<Step> steps) {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return last instanceof CommandStep c && stepOf(before, c) ? Optional.of(c) : Optional.empty();
    }

    /** prose that has the reader run something, whatever output it mentions ("Run this to see the output:") */
    private static final Pattern ASKS_TO_RUN = Pattern.compile("(?i)\\b(?:run|type|execute|issue|enter|paste|use)\\b");

    /** the verbs of SHOWS_OUTPUT that also tell the reader to do something, in the form that does */
    private static final Pattern IMPERATIVE = Pattern.compile("(?i)print|return|output");
    /** words that may open an instruction before its verb: "Now print the...", "Finally, return to..." */
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?i)(?:\\s*\\b(?:then|now|next|finally|first|also|and|lastly|again|simply|just),?)*\\s*$");
    /** what an instruction acts on comes next ("Print the...", "Return to..."); "Output of...", "Return code:" label */
    private static final Pattern OBJECT = Pattern.compile("(?i)\\s+(?:the|a|an|all|each|every|your|its|their|this|that"
            + "|these|those|it|them|out|some|any|to|\\d)\\b");

    /**
     * The verb at [start, end) begins a sentence (or follows "to") and is followed by what to act on: "Output:" and
     * "Output of the command:" label output, "Print the number of lines:" does not.
     */
    private static boolean startsAnInstruction(String prose, int start, int end) {
        // the words just before it, enough for a lead-in: a long paragraph is not scanned again for each verb
        String before = LEAD_IN.matcher(prose.substring(Math.max(0, start - 80), start)).replaceFirst("");
        boolean opens = before.isEmpty() || ".!?:;".indexOf(before.charAt(before.length() - 1)) >= 0
                || before.toLowerCase(Locale.ROOT).endsWith(" to") || before.equalsIgnoreCase("to");
        return opens && OBJECT.matcher(prose).region(end, prose.length()).lookingAt();
    }

    /** Why a block that is neither a session nor a file is none: the output of the last command, or an example. */
    private static String whyNoStep(Block block, Block before, FileTargets.FileTarget target, List<Step> steps) {
        if (block.text().startsWith("#!") && target.why() != null
                && (isVague(target.why()) || target.why().endsWith("not a file"))) {
            return FileTargets.label(block.language() == null ? "" : block.language()) + "a script with no file named to save it in";
        }
        if (isCrontab(block)) {
            return FileTargets.label(block.language() == null ? "" : block.language()) + "a crontab entry (crontab -e), not a file";
        }
        String language = block.language() == null ? "" : block.language();
        if (BlockLanguage.isWindowsShell(language)) {
            return FileTargets.label(language) + "a Windows shell's commands, not run here";
        }
        Optional<String> windows = block.lines().stream().map(String::strip).filter(WINDOWS_PROMPT.asPredicate())
                .findFirst();
        if (windows.isPresent()) {
            return FileTargets.label(language) + "a Windows prompt (" + windows.get().substring(0,
                    windows.get().indexOf('>') + 1) + "), not run here";
        }
        boolean saysOutput = block.precedingText() != null && saysOutput(block.precedingText())
                || labelledOutput(block, before);
        Optional<CommandStep> last = commandJustBefore(before, steps);
        if (saysOutput && last.isPresent()) {
            return NotAStep.OUTPUT_OF + last.get().n();
        }
        if (BlockLanguage.isSession(language) && target.why().endsWith(FileTargets.NO_PROSE)) {
            // a terminal session is never a file: with no prose around it, what it lacks is a prompt
            return FileTargets.label(language)
                    + "no line starts with a shell prompt it knows ($, #, user@host:~$, ...)";
        }
        return target.why();
    }

    /** PowerShell's {@code PS C:\>} and {@code PS>}, cmd.exe's {@code C:\Users\me>} */
    private static final Pattern WINDOWS_PROMPT = Pattern.compile(
            "^(?:PS(?: [A-Za-z]:\\\\[^>]*)?>|[A-Za-z]:\\\\[^>]*>)");

    /** What the steps type, show and write: where a guide's example values stand. */
    private static List<String> typedAndShown(List<Step> steps) {
        List<String> texts = new ArrayList<>();
        for (Step step : steps) {
            texts.addAll(step.typed());
            if (step instanceof CommandStep c) {
                c.expected().forEach(line -> texts.add(line.text()));
                if (c.prompt() != null) {
                    // [isabell@stardust ~]$: the guide's example user and host, where nothing else names them
                    texts.add(c.prompt().account());
                }
            }
        }
        return texts;
    }

    /**
     * A block that says it is output where no prose does: its language ({@code ```output}), its caption or title
     * ({@code title="Output"}, DigitalOcean's {@code [secondary_label Output]}, a {@code <summary>Show output</summary>}
     * around it), or the heading right above it ("### Expected output"; only the section's first
     * block, as the heading stands over everything after it)
     */
    private static boolean labelledOutput(Block block, Block before) {
        Map<String, String> options = block.options() == null ? Map.of() : block.options();
        return "output".equalsIgnoreCase(block.language())
                || OUTPUT_LABEL.matcher(options.getOrDefault("caption", "").strip()).matches()
                || OUTPUT_LABEL.matcher(options.getOrDefault("title", "").strip()).matches()
                || block.precedingText() == null && !block.section().isEmpty()
                && (before == null || !before.section().equals(block.section()))
                && OUTPUT_LABEL.matcher(block.section().get(block.section().size() - 1).strip()).matches();
    }

    /** "Output", "Expected output:", "Sample results", "Show output", "View the full output" */
    private static final Pattern OUTPUT_LABEL = Pattern.compile(
            "(?i)(?:(?:show|view|see)\\s+)?(?:the\\s+)?(?:(?:expected|example|sample|full)\\s+)?(?:output|results?):?");

    private static final Pattern CRONTAB_LINE = Pattern.compile(
            "^\\s*(?:@\\w+|[\\d*/,-]+\\s+[\\d*/,-]+\\s+[\\d*/,-]+\\s+[\\d*/,a-zA-Z-]+\\s+[\\d*/,a-zA-Z-]+)\\s+\\S");

    /** A crontab listing: every line an entry or a comment, one entry at least. */
    private static boolean isCrontab(Block block) {
        List<String> lines = block.lines().stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
        return !lines.isEmpty() && lines.stream().allMatch(l -> CRONTAB_LINE.matcher(l).find());
    }

    private static boolean chosen(Block block) {
        return block.langOrigin() == null || !(block.langOrigin().equals("highlight") || block.langOrigin().equals("default"));
    }

    /** The step comes from the block (so a block right after it may show its output). */
    static boolean stepOf(Block block, Step step) {
        return block != null && step.source().equals(block.source()) && block.holdsLine(step.line());
    }

    private static StepPolicy skipped(StepPolicy policy, String why) {
        return new StepPolicy(policy.timeout(), policy.eventually(), why, policy.expectExit(), policy.ready(),
                policy.maxOutput(), policy.opensShell());
    }

    /**
     * A command that follows its output until the reader stops it ({@code tail -f}): Ctrl-C once its output has been
     * still a while. What the guide shows of a log is what the author's log held, and its last line may never come
     * (or be the author's remark: "[...] no errors should appear"); a {@code ^C} the guide shows is kept.
     */
    private static TranscriptCommand stoppedIfItFollows(TranscriptCommand c) {
        if (!CommandHints.follows(c.command()) || c.interrupts()) {
            return c;
        }
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.add(Interaction.interrupt(""));
        return c.withInteractions(interactions);
    }

    /**
     * A program whose output, as the guide shows it, tells the reader to stop it with Ctrl-C ("Quit the server with
     * CONTROL-C.", "Press CTRL+C to quit") runs until someone does: it gets its ^C once the last line shown has come,
     * as where the prose says so, whether that output stands in the command's block or in one of its own after it.
     * The same command again, shown without its output (the server started anew later in the guide), gets its ^C once
     * its output has been still a while. Without them such steps waited for their timeouts, and failed.
     */
    private static List<Step> stoppedAsTheySay(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps);
        Set<String> stopped = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (!(out.get(i) instanceof CommandStep c) || c.policy().skip() != null) {
                continue;
            }
            if (c.interactions().stream().anyMatch(Interaction::interrupts)) {
                stopped.add(c.command());
            } else if (c.interactions().stream().noneMatch(Interaction::leaves) && c.expected().stream()
                    .anyMatch(e -> e.kind() == ExpectedLine.Kind.OUTPUT && CommandHints.saysCtrlC(e.text()))) {
                out.set(i, interrupted(c));
                stopped.add(c.command());
            } else if (c.interactions().isEmpty() && c.expected().isEmpty() && stopped.contains(c.command())) {
                out.set(i, stoppedWithCtrlC(c));
            }
        }
        return out;
    }

    /**
     * {@code c} stopped with Ctrl-C as a reader stops a server: once the last line the guide shows of its output has
     * come, or once its output has been still for the quiet period where the guide shows none (as {@code tail -f}).
     */
    private static CommandStep stoppedWithCtrlC(CommandStep c) {
        CommandStep once = interrupted(c);
        if (once.interactions().stream().anyMatch(Interaction::interrupts)) {
            return once;
        }
        List<Interaction> interactions = new ArrayList<>(c.interactions());
        interactions.add(Interaction.interrupt(""));
        return new CommandStep(c.n(), c.source(), c.line(), c.section(), c.command(), c.prompt(), c.expected(),
                List.copyOf(interactions), c.captures(), once.policy());
    }

    /** A server the guide stops with ^C ends on the interrupt: its exit status is the signal's. */
    private static CommandStep interrupted(CommandStep c) {
        TranscriptCommand stopped = TranscriptReader.interrupted(new TranscriptCommand(c.line(), c.line(), c.prompt(),
                c.command(), c.expected(), c.interactions()));
        return new CommandStep(c.n(), c.source(), c.line(), c.section(), c.command(), c.prompt(), c.expected(),
                stopped.interactions(), c.captures(), c.policy().skip() == null ? interrupted(c.policy()) : c.policy());
    }

    /** the status of a program ended by Ctrl-C (SIGINT) */
    private static final int INTERRUPTED = 130;

    private static StepPolicy interrupted(StepPolicy policy) {
        return policy.expecting(INTERRUPTED);
    }

    private static List<Step> withPolicies(List<Step> steps, Runbook runbook) {
        for (StepRule rule : runbook.steps()) {
            if (steps.stream().noneMatch(rule.selector()::matches)) {
                throw new BadInput(rule.file(), rule.line(), "this step rule selects no step of the plan");
            }
        }
        for (Runbook.Check check : runbook.checks()) {
            // a check that would never run passes nothing by saying nothing
            if (check.after() != null && steps.stream().noneMatch(check.after()::matches)) {
                throw new BadInput(check.file(), check.line(), "this check's after: selects no step of the plan");
            }
        }
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            List<StepRule> rules = runbook.steps().stream().filter(rule -> rule.selector().matches(step)).toList();
            Step stopped = step;
            for (StepRule rule : rules) {
                if (!rule.interrupt()) {
                    continue;
                }
                if (!(step instanceof CommandStep c)) {
                    throw new BadInput(rule.file(), rule.line(), "interrupt: stops a command, and this rule selects "
                            + "step " + step.n() + ", which writes or edits a file");
                }
                if (c.interactions().stream().noneMatch(Interaction::interrupts)) {
                    stopped = stoppedWithCtrlC(c);
                }
            }
            // the rules' own fields over the stopped step's (an expect_exit of theirs over the interrupt's 130)
            StepPolicy policy = stopped.policy();
            for (StepRule rule : rules) {
                policy = rule.over(policy);
            }
            out.add(withPolicy(stopped, policy));
        }
        return out;
    }

    private List<Step> withCaptures(List<Step> steps, List<CaptureRule> rules, Bindings bindings, Guide guide) {
        Map<Integer, List<Capture>> captures = new LinkedHashMap<>();
        Set<String> bound = new HashSet<>();
        bindings.all().forEach(b -> bound.add(b.literal()));
        for (CaptureRule rule : rules) {
            CommandStep step = stepFor(steps, rule);
            captures.computeIfAbsent(step.n(), k -> new ArrayList<>()).add(new Capture(rule.literal(), rule.regex()));
            bound.add(rule.literal());
        }
        CarryForward.find(steps, bound).forEach((n, found) -> captures.computeIfAbsent(n, k -> new ArrayList<>()).addAll(found));
        Placeholders.bindChoices(steps, bindings);
        Placeholders.bindFromGuide(guide, steps, bindings, facts, captures)
                .forEach((n, found) -> captures.computeIfAbsent(n, k -> new ArrayList<>()).addAll(found));
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof CommandStep c && captures.containsKey(c.n())) {
                out.add(new CommandStep(c.n(), c.source(), c.line(), c.section(), c.command(), c.prompt(), c.expected(),
                        c.interactions(), List.copyOf(captures.get(c.n())), c.policy()));
            } else {
                out.add(step);
            }
        }
        return out;
    }

    /** The step a capture reads: the one its rule selects, or the first that shows the literal in its output. */
    private static CommandStep stepFor(List<Step> steps, CaptureRule rule) {
        for (Step step : steps) {
            if (!(step instanceof CommandStep c)) {
                continue;
            }
            boolean chosen = rule.step() != null ? rule.step().matches(c)
                    : c.expected().stream().anyMatch(e -> Literals.occursIn(e.text(), rule.shownAs()));
            if (chosen) {
                return c;
            }
        }
        String why = rule.step() != null ? "its step: selects no command step"
                : "no command step shows \"" + rule.shownAs() + "\" in its output; name the step with step:";
        throw new BadInput(rule.declared().file(), rule.declared().line(), "capture for \"" + rule.literal() + "\": " + why);
    }

    private static boolean usesBinding(List<Step> steps, String literal) {
        return steps.stream().filter(s -> s instanceof CommandStep).map(s -> (CommandStep) s)
                .anyMatch(c -> c.interactions().stream().anyMatch(i -> literal.equals(i.binding()))
                        || Placeholders.literalsIn(c.command()).contains(literal));
    }

    private static void checkAnswerBindings(Runbook runbook, Bindings bindings) {
        for (AnswerRule rule : runbook.answers()) {
            if (rule.binding() != null && bindings.get(rule.binding()).isEmpty()) {
                throw new BadInput(rule.file(), rule.line(), "answer uses binding \"" + rule.binding()
                        + "\", which nothing binds");
            }
        }
    }

    private static Step withPolicy(Step step, StepPolicy policy) {
        if (step instanceof CommandStep c) {
            return new CommandStep(c.n(), c.source(), c.line(), c.section(), c.command(), c.prompt(), c.expected(),
                    c.interactions(), c.captures(), policy);
        }
        if (step instanceof WriteStep w) {
            return new WriteStep(w.n(), w.source(), w.line(), w.section(), w.path(), w.content(), policy, w.append());
        }
        EditStep e = (EditStep) step;
        return new EditStep(e.n(), e.source(), e.line(), e.section(), e.path(), e.format(), e.fragment(), policy);
    }
}
