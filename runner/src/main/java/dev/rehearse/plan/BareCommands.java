package dev.rehearse.plan;

import dev.rehearse.bind.ShellText;
import dev.rehearse.guide.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A README-style block of bare commands (a {@code ```bash} block with no prompt) in Markdown or AsciiDoc: each
 * command is a step whose output the guide does not show, so it is not checked. In reStructuredText the lab writes
 * most commands at a prompt, and a prompt-less block there is often a script or an example: it is commands only
 * where nothing says otherwise (no file, no example, no {@code #!}), as Sphinx projects' install pages write them
 * ("Install it with pip:" over {@code pip install ...}). sphinx-prompt's block ({@code .. prompt:: bash $}, MyST's
 * {@code ```{prompt} bash $}) is commands in any format, the page showing the prompt before each. With its
 * modifier {@code auto} the block shows its prompts, and is read as a session.
 */
final class BareCommands {
    private static final Set<String> FORMATS = Set.of("markdown", "asciidoc");

    private BareCommands() {
    }

    /** sphinx-prompt's block of commands, the prompts left to the page. */
    static boolean isPromptDirective(Block block) {
        return "prompt".equals(block.kind()) && BlockLanguage.isScript(block.language())
                && (block.options() == null || !block.options().getOrDefault("modifiers", "").contains("auto"));
    }

    /**
     * @param claimsNothing nothing around the block says it is other than commands ({@code FileTargets})
     * @param asked         the prose before it asks the reader to run it ({@link RunInstruction}), or its lines run
     *                      the file the prose names ({@link FileTargets#runsTheFile}): a block with no language, or
     *                      a plain text one, is commands too
     */
    static List<TranscriptCommand> of(String format, Block block, boolean claimsNothing, boolean asked) {
        // a #! block is a script file to save, whatever the prose says
        boolean scriptFile = block.text().startsWith("#!");
        boolean bare = FORMATS.contains(format) || isPromptDirective(block) || (claimsNothing || asked) && !scriptFile;
        boolean language = BlockLanguage.isScript(block.language())
                || asked && !scriptFile && BlockLanguage.isPlain(block.language());
        if (!bare || !language) {
            return List.of();
        }
        List<TranscriptCommand> commands = new ArrayList<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String command = lines.get(i).strip();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            int start = i;
            List<String> typed = ShellText.commandLines(command, lines.subList(i + 1, lines.size()));
            command = String.join("\n", typed);
            i += typed.size() - 1;
            commands.add(new TranscriptCommand(block.contentLine() + start, block.contentLine() + i,
                    new ShellPrompt(null, null, null, null, "$"), command, List.of(), List.of()));
        }
        return commands;
    }
}
