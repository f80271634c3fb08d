package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompts a command asks with bash's {@code read -p "Name: " n} or Python's {@code input("Name: ")} (and
 * {@code getpass("Password: ")}, which hides the answer): in its output, a line that starts with such a prompt is
 * the question and the reader's answer ({@code Name: Robin}), whatever it looks like.
 */
final class ReadPrompts {
    private static final Pattern READ = Pattern.compile(
            "\\bread\\s+(?<flags>(?:-[a-zA-Z]+\\s+)*)-p\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)')");
    private static final Pattern INPUT = Pattern.compile(
            "\\b(?<function>input|getpass)\\(\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)')\\s*\\)");

    /** One {@code read -p}: its prompt, and whether {@code -s} hides the answer. */
    record Asked(String prompt, boolean hidden) {
    }

    private ReadPrompts() {
    }

    static List<Asked> of(String command) {
        // both expressions start at a word boundary: each would be tried at every character
        boolean read = command.contains("read");
        boolean input = command.contains("input(") || command.contains("getpass(");
        if (!read && !input) {
            return List.of();
        }
        List<Asked> asked = new ArrayList<>();
        Matcher m = READ.matcher(command);
        while (read && m.find()) {
            add(asked, m, m.group("flags").contains("s"));
        }
        m = INPUT.matcher(command);
        while (input && m.find()) {
            add(asked, m, m.group("function").equals("getpass"));
        }
        return asked;
    }

    private static void add(List<Asked> asked, Matcher m, boolean hidden) {
        String prompt = m.group("dq") != null ? m.group("dq") : m.group("sq");
        if (!prompt.isBlank()) {
            asked.add(new Asked(prompt.stripTrailing(), hidden));
        }
    }

    static Optional<AnswerPromptSyntax.Prompt> answer(List<Asked> asked, String line) {
        for (Asked a : asked) {
            if (line.startsWith(a.prompt())) {
                String answer = AnswerPromptSyntax.enter(line.substring(a.prompt().length()).strip());
                return Optional.of(new AnswerPromptSyntax.Prompt(a.prompt(), answer, a.hidden()));
            }
        }
        return Optional.empty();
    }
}
