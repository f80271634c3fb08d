package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a block that is neither a terminal session nor a file's content is no step, from the prose around it and its
 * own marks: the output of the command before it ("Example output:", a block titled Output), a script or a
 * crontab entry with no file named, a Windows shell's commands, an example.
 */
final class NoStepReasons {

    private NoStepReasons() {
    }

    /** A reason that only says the prose named nothing, which a wider reading may improve on. */
    static boolean isVague(String why) {
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
    static boolean showsOutputOfTheStepBefore(Block block, Block before, List<Step> steps) {
        String prose = block.precedingText();
        return prose != null && BlockSteps.commandJustBefore(before, steps).isPresent() && saysOutput(prose)
                && !ASKS_TO_RUN.matcher(prose).find();
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
    static String of(Block block, Block before, FileTargets.FileTarget target, List<Step> steps) {
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
        Optional<CommandStep> last = BlockSteps.commandJustBefore(before, steps);
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
    static boolean isCrontab(Block block) {
        List<String> lines = block.lines().stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
        return !lines.isEmpty() && lines.stream().allMatch(l -> CRONTAB_LINE.matcher(l).find());
    }
}
