package dev.rehearse.cli.args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A command's {@code --help}: the usage line, what it does, its parameters and options in two columns (under the
 * command's headings, or in one list by name), the commands of a program, then the footer; every line wrapped
 * between words to fit a terminal of 80 columns ({@value #WIDTH} characters at most, the cursor after them).
 */
public final class HelpText {
    static final int WIDTH = 79;
    /** A name and label longer than this does not widen the first column: its description starts on the next line. */
    private static final int LONGEST_NAME = 20;
    private static final String OTHER_OPTIONS = "Other options";

    private final Syntax syntax;
    private final StringBuilder text = new StringBuilder();
    private final int nameWidth;

    private HelpText(Syntax syntax) {
        this.syntax = syntax;
        int widest = 0;
        for (String name : names()) {
            if (name.length() <= LONGEST_NAME) {
                widest = Math.max(widest, name.length());
            }
        }
        this.nameWidth = widest;
    }

    public static String of(Syntax syntax) {
        return new HelpText(syntax).render();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        syntax.parameters().forEach(p -> names.add(p.shown()));
        syntax.options().forEach(o -> names.add(o.shown()));
        return names;
    }

    private String render() {
        String usage = "Usage: ";
        wrap(usage + (syntax.synopsis() != null ? syntax.synopsis() : synopsis()), 0,
                usage.length() + syntax.name().length() + 1);
        wrap(syntax.description(), 0, 0);
        for (Parameter<?> parameter : syntax.parameters()) {
            row("      ", parameter.shown(), parameter.description());
        }
        if (syntax.headings().isEmpty()) {
            syntax.options().stream().sorted(Comparator.comparing(HelpText::sortKey)).forEach(this::row);
        } else {
            grouped();
        }
        if (!syntax.commands().isEmpty()) {
            text.append("Commands:\n");
            int width = syntax.commands().keySet().stream().mapToInt(String::length).max().orElse(0);
            syntax.commands().forEach((name, what) -> {
                String first = "  " + name + " ".repeat(width - name.length() + 2);
                wrap(first + what, 0, first.length() + 2);
            });
        }
        if (syntax.footerHeading() != null) {
            text.append('\n').append(syntax.footerHeading()).append(":\n");
            // a line too long goes on as indented as it starts
            syntax.footer().forEach(line -> wrap(line, 0, line.length() - line.stripLeading().length()));
        }
        return text.toString();
    }

    /** By the shortest name, letters only, case aside: -h, --json, -V, --vary (the order the help always had). */
    private static String sortKey(Option<?> option) {
        String name = option.shortName() != null ? option.shortName() : option.name();
        return name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    /** Under each heading the options it names, in its order; then "Other options", those none names. */
    private void grouped() {
        Map<String, List<Option<?>>> sections = new LinkedHashMap<>();
        List<Option<?>> left = new ArrayList<>(syntax.options());
        syntax.headings().forEach((heading, names) -> {
            List<Option<?>> members = new ArrayList<>();
            for (String name : names) {
                Option<?> option = syntax.option(name);
                if (option != null && left.remove(option)) {
                    members.add(option);
                }
            }
            sections.put(heading, members);
        });
        sections.put(OTHER_OPTIONS, left);
        sections.forEach((heading, options) -> {
            if (!options.isEmpty()) {
                text.append('\n').append(heading).append(":\n");
                options.forEach(this::row);
            }
        });
    }

    private void row(Option<?> option) {
        row(option.shortName() != null ? "  " + option.shortName() + ", " : "      ", option.shown(),
                option.description());
    }

    /** {@code prefix name   description}, the description wrapped in its column, indented 2 more after its line. */
    private void row(String prefix, String name, String description) {
        int column = prefix.length() + nameWidth + 3;
        if (name.length() > nameWidth) {
            text.append(prefix).append(name).append('\n');
            wrap(" ".repeat(column) + description, column, column + 2);
        } else {
            String first = prefix + name + " ".repeat(nameWidth - name.length() + 3);
            wrap(first + description, column, column + 2);
        }
    }

    /**
     * {@code line} in lines of at most {@value #WIDTH} characters, broken at a space; a word too long for a line
     * is cut. Continuation lines start with {@code indent} spaces; {@code start} is where the first line's own text
     * begins (what comes before it, a name or spaces, is never broken).
     */
    private void wrap(String line, int start, int indent) {
        String rest = line;
        int from = start;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= from) {
                cut = WIDTH;
            }
            text.append(rest, 0, cut).append('\n');
            rest = " ".repeat(indent) + rest.substring(cut).stripLeading();
            from = indent;
        }
        text.append(rest.stripTrailing()).append('\n');
    }

    /** {@code rehearse blocks [-hV] [--json] GUIDE...}: short flags, long flags, options with values, lists, parameters. */
    private String synopsis() {
        StringBuilder line = new StringBuilder(syntax.name());
        List<Option<?>> sorted = syntax.options().stream().sorted(Comparator.comparing(Option::name)).toList();
        StringBuilder letters = new StringBuilder();
        sorted.stream().filter(o -> o.isFlag() && o.shortName() != null)
                .sorted(Comparator.comparing(HelpText::sortKey))
                .forEach(o -> letters.append(o.shortName().charAt(1)));
        if (!letters.isEmpty()) {
            line.append(" [-").append(letters).append(']');
        }
        sorted.stream().filter(o -> o.isFlag() && o.shortName() == null)
                .forEach(o -> line.append(" [").append(o.name()).append(']'));
        sorted.stream().filter(o -> !o.isFlag() && !o.isList())
                .forEach(o -> line.append(o.isRequired() ? " " + o.shown() : " [" + o.shown() + "]"));
        sorted.stream().filter(Option::isList).forEach(o -> line.append(" [").append(o.shown()).append("]..."));
        if (!syntax.commands().isEmpty()) {
            line.append(" [COMMAND]");
        }
        syntax.parameters().forEach(p -> line.append(' ').append(p.shown()));
        return line.toString();
    }
}
