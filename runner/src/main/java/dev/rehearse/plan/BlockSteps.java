package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guide's blocks read, in order, into steps: a terminal session's commands, a REPL's lines, a file's content, the
 * commands of a script block; each block that gives none is told with why ({@link NotAStep}). What a block is
 * depends on the blocks and the prose before it: the file a section works on, the command whose output a block
 * shows, the REPL a command opened.
 */
final class BlockSteps {
    private final Guide guide;
    private final TranscriptReader reader;
    private final StepPolicy policy;
    private final List<NotAStep> notSteps;
    private final List<Step> steps = new ArrayList<>();
    /** the file each section works on so far, where a block of content with no file named goes */
    private final Map<List<String>, String> sectionFile = new HashMap<>();
    private final EarlierFiles earlier = new EarlierFiles();
    private final ProseBetween between;
    private final MarkedBlocks marked = new MarkedBlocks();

    private BlockSteps(Guide guide, TranscriptReader reader, StepPolicy policy, List<NotAStep> notSteps) {
        this.guide = guide;
        this.reader = reader;
        this.policy = policy;
        this.notSteps = notSteps;
        this.between = new ProseBetween(guide);
    }

    /**
     * The guide's steps, each under {@code policy}; the blocks that are none go to {@code notSteps}.
     */
    static List<Step> of(Guide guide, TranscriptReader reader, StepPolicy policy, List<NotAStep> notSteps) {
        BlockSteps read = new BlockSteps(guide, reader, policy, notSteps);
        List<Block> blocks = guide.blocks();
        TabChoice tabs = TabChoice.of(blocks);
        Block before = null;
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            Optional<String> otherTab = tabs.notFollowed(block);
            if (otherTab.isPresent()) {
                read.notAStep(block, otherTab.get());
                continue;
            }
            Block next = b + 1 < blocks.size() && blocks.get(b + 1).source().equals(block.source()) ? blocks.get(b + 1)
                    : null;
            read.read(block, before, next);
            before = block;
        }
        return OtherMachine.settle(read.steps);
    }

    /** The last step so far, where it is a command of the block right before (whose output a block may show). */
    static Optional<CommandStep> commandJustBefore(Block before, List<Step> steps) {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return last instanceof CommandStep c && stepOf(before, c) ? Optional.of(c) : Optional.empty();
    }

    /** The step comes from the block (so a block right after it may show its output). */
    static boolean stepOf(Block block, Step step) {
        return block != null && step.source().equals(block.source()) && block.holdsLine(step.line());
    }

    private void read(Block block, Block before, Block next) {
        Optional<ReplPromptSyntax.Program> repl = ReplBlocks.opened(block, steps);
        // "> x + 2" after "$ node" is typed into its REPL, not output marked as GitHub's docs mark it
        List<String> lines = block.lines();
        if (BlockLanguage.mayShowPrompts(language(block)) && MarkedOutput.marks(lines) && repl.isEmpty()) {
            notAStep(block, marked.add(block, before, steps, reader));
            return;
        }
        Optional<Transcript> transcript = reader.read(lines, block.contentLine(), block.language());
        // a block the guide says not to type, or offers in place of the way before it, is skipped whatever its
        // prompt says (a reader's own machine's runs)
        Optional<String> notToRun = NotToRun.byProse(block);
        // or one for another machine: the prose says so, or the section or admonition is another system's; or
        // one under the guide's removal or troubleshooting
        Optional<String> notHere = notToRun.or(() -> OtherMachine.byProse(block))
                .or(() -> OtherSystemSections.of(block, guide.title()))
                .or(() -> RemovalSections.of(block, guide.title(), !steps.isEmpty()));
        if (transcript.isPresent()) {
            session(block, before, next, transcript.get(), notToRun, notHere);
        } else if (repl.isEmpty() || !typedIntoRepl(block, before, repl.get(), notHere)) {
            if (BareCommands.isPromptDirective(block)) {
                // sphinx-prompt's block: commands, whatever the prose around it names
                addBare(BareCommands.of(guide.format(), block, true, false), block, notHere);
            } else {
                fileOrCommands(block, before, notHere);
            }
        }
    }

    /** A terminal session's commands, each a step. */
    private void session(Block block, Block before, Block next, Transcript transcript, Optional<String> notToRun,
                         Optional<String> notHere) {
        if (transcript.commands().isEmpty()) {
            Optional<CommandStep> last = commandJustBefore(before, steps);
            if (last.isPresent() && last.get().interactions().stream().noneMatch(Interaction::interrupts)
                    && block.lines().stream().anyMatch(l -> l.strip().startsWith("^C"))) {
                // the ^C of the server the block before left running, shown in this one
                steps.set(steps.size() - 1, CtrlCStops.interrupted(last.get()));
            }
            notAStep(block, last.map(c -> NotAStep.OUTPUT_OF + c.n()).orElse("a session where nothing is typed"));
        }
        List<TranscriptCommand> commands = transcript.commands();
        List<TranscriptCommand> entries = transcript.entries();
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
            CommandHints.copiedTo(commands.get(commands.size() - 1).command()).ifPresent(copy -> worksOn(block, copy));
        }
        for (TranscriptCommand shown : commands) {
            TranscriptCommand c = CtrlCStops.stoppedIfItFollows(shown);
            Optional<CommandHints.Editor> editor = CommandHints.editor(c.command());
            // the file the reader is to change is the one the next block's content goes into
            editor.ifPresent(e -> worksOn(block, e.file()));
            Optional<String> skip = notToRun.or(() -> OtherMachine.byPrompt(c.prompt())).or(() -> notHere)
                    .or(() -> OtherMachine.byCommand(c.command()))
                    .or(() -> editor.map(CommandHints.Editor::why));
            addCommand(block, c, c.prompt(), c.expected(), policyOf(c, skip));
        }
    }

    /**
     * A block of a REPL's lines: typed into the one a command of the block before opened, or into a Python started
     * for it; false when it is neither.
     */
    private boolean typedIntoRepl(Block block, Block before, ReplPromptSyntax.Program repl, Optional<String> notHere) {
        Optional<CommandStep> continued = ReplBlocks.continuing(block, before, steps, reader);
        if (continued.isPresent()) {
            steps.set(steps.size() - 1, continued.get());
            notAStep(block, NotAStep.TYPED_INTO + continued.get().n());
            return true;
        }
        Optional<TranscriptCommand> python = ReplBlocks.startingPython(block, repl, steps, reader);
        if (python.isEmpty()) {
            return false;
        }
        TranscriptCommand c = python.get();
        addCommand(block, c, null, c.expected(), notHere.map(policy::skipped).orElse(policy));
        return true;
    }

    /**
     * A block with no prompt: a file's content, where the prose (or the file the section works on) names the file;
     * else commands, where the prose or the block's language says they are; else why it is neither.
     */
    private void fileOrCommands(Block block, Block before, Optional<String> notHere) {
        FileTargets.FileTarget target = FileTargets.of(block, block.precedingText(), sectionFile.get(block.section()));
        // all the prose since the block before, where the paragraph before names no file
        String text = target.mode() == null ? between.before(block, before) : null;
        if (target.mode() == null && !NoStepReasons.isCrontab(block) && text != null
                && !text.equals(block.precedingText())) {
            FileTargets.FileTarget wider = FileTargets.of(block, text, sectionFile.get(block.section()));
            // the wider text may name the file or the place a note between hides: its reason then says more
            target = wider.mode() != null || NoStepReasons.isVague(target.why()) && !NoStepReasons.isVague(wider.why())
                    ? wider : target;
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
            worksOn(block, target.path());
            notAStep(block, "a YAML list item for " + target.path()
                    + ", which the guide shows without its key: where in the list it goes is the reader's to find");
            return;
        }
        if (target.mode() != null) {
            worksOn(block, target.path());
            StepPolicy p = notHere.map(policy::skipped).orElse(policy);
            steps.add(target.mode() == FileTargets.Mode.MERGE
                    ? new EditStep(steps.size() + 1, block.source(), block.contentLine(), block.section(),
                    target.path(), target.format(), block.text(), p)
                    : new WriteStep(steps.size() + 1, block.source(), block.contentLine(), block.section(),
                    target.path(), block.text() + "\n", p, target.mode() == FileTargets.Mode.APPEND));
            return;
        }
        FileTargets.anyPath(block.precedingText()).ifPresent(path -> sectionFile.put(block.section(), path));
        String prose = Optional.ofNullable(text).orElse(block.precedingText());
        List<TranscriptCommand> bare = NoStepReasons.showsOutputOfTheStepBefore(block, before, steps) ? List.of()
                : BareCommands.of(guide.format(), block, FileTargets.claimsNothing(target, prose),
                RunInstruction.asksToRunWhatFollows(prose) || FileTargets.runsTheFile(target));
        if (!bare.isEmpty()) {
            addBare(bare, block, notHere);
            return;
        }
        String why = NoStepReasons.of(block, before, target, steps);
        if (why.startsWith(NotAStep.OUTPUT_OF)) {
            SeparateOutput.of(block, before, steps, reader).ifPresent(checked -> steps.set(steps.size() - 1, checked));
        }
        notAStep(block, why);
    }

    /** Steps of commands whose output the guide does not show. */
    private void addBare(List<TranscriptCommand> bare, Block block, Optional<String> notHere) {
        for (TranscriptCommand typed : bare) {
            TranscriptCommand c = CtrlCStops.stoppedIfItFollows(typed);
            // "nano ~/app.conf" in a script block as at a prompt: the reader edits, the next block is what goes in
            Optional<CommandHints.Editor> editor = CommandHints.editor(c.command());
            editor.ifPresent(e -> sectionFile.put(block.section(), e.file()));
            Optional<String> skip = notHere.or(() -> OtherMachine.byCommand(c.command()))
                    .or(() -> editor.map(CommandHints.Editor::why));
            addCommand(block, c, c.prompt(), List.of(), policyOf(c, skip));
        }
    }

    /** The step of a command the block types, at {@code prompt} (null: none shown), showing {@code expected}. */
    private void addCommand(Block block, TranscriptCommand c, ShellPrompt prompt, List<ExpectedLine> expected,
                            StepPolicy p) {
        steps.add(new CommandStep(steps.size() + 1, block.source(), c.line(), block.section(), c.command(), prompt,
                expected, c.interactions(), List.of(), p));
    }

    /** A typed command's policy: skipped where there is a reason to, else ending on its ^C where the guide stops it. */
    private StepPolicy policyOf(TranscriptCommand c, Optional<String> skip) {
        return skip.map(policy::skipped).orElse(c.interrupts() ? CtrlCStops.interrupted(policy) : policy);
    }

    /** The section of the block works on the file at {@code path}: a later block's content with no file named goes in. */
    private void worksOn(Block block, String path) {
        sectionFile.put(block.section(), path);
        earlier.worked(path);
    }

    private void notAStep(Block block, String why) {
        notSteps.add(new NotAStep(block.source(), block.contentLine(), language(block), chosen(block), why));
    }

    private static String language(Block block) {
        return block.language() == null ? "" : block.language();
    }

    /** The block's language is the author's own, not one a highlighter or a default gave it. */
    private static boolean chosen(Block block) {
        return block.langOrigin() == null || !(block.langOrigin().equals("highlight") || block.langOrigin().equals("default"));
    }
}
