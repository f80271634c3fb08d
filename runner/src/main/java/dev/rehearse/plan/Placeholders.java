package dev.rehearse.plan;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the placeholders the steps type and binds those the guide itself gives a value for: "replace
 * {@code <username>} with your user name" (the target's user), "{@code <port>} ... would be 40132 in our example"
 * (that value, or its capture when the value is one), "Isso is running on port 1234"; a {@code <port>} after
 * {@code uberspace port add} is the port it opened, captured from its output. What stays unbound stops the run.
 */
final class Placeholders {
    /** not a here-document ({@code <<EOF}), nor a redirection ({@code < file}), nor markup with its closing tag */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![<\\w])<([A-Za-z][A-Za-z0-9 _.@*-]{0,40}[A-Za-z0-9*])>");
    /**
     * Markup without its closing tag: HTML's void elements, those whose end tag may be left out, and the elements a
     * command looks for in a page ({@code curl -s ... | grep '<title>'}), which no guide names a value by
     */
    private static final Set<String> HTML_UNCLOSED = Set.of("br", "hr", "wbr", "li", "dt", "dd", "tr", "td", "th",
            "tbody", "thead", "html", "head", "body", "option", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span",
            "title", "pre", "ul", "ol", "table", "form", "img", "script", "style", "meta", "link", "nav", "header",
            "footer", "section", "article", "svg", "iframe", "button", "strong", "em");
    /** what Python names code that is no file ({@code File "<stdin>", line 1}) */
    private static final Set<String> PSEUDO_FILES = Set.of("stdin", "stdout", "stderr", "module", "lambda");
    /** a C header ({@code #include <stdio.h>}) or an Objective-C import */
    private static final Pattern INCLUDE_BEFORE = Pattern.compile("#\\s*(?:include|import)\\s*$");
    /** a person's name just before a mail address ({@code Isabell <...>}), not an option ({@code --email <...>}) */
    private static final Pattern NAME_BEFORE = Pattern.compile("(?:^|\\s)\\p{Lu}[\\w.'-]*[\"']? $");
    private static final Pattern YOUR_USER = Pattern.compile("(?i)with your (?:own )?(?:actual )?(?:uberspace )?"
            + "(?:user ?name|account name|user)\\b");
    private static final Pattern YOUR_DOMAIN = Pattern.compile("(?i)with your (?:own )?(?:actual )?(?:uberspace )?domain\\b");
    private static final Pattern SHOWN_NUMBER = Pattern.compile(
            "(?i)(?:would be|e\\.g\\.|for example|in our example|running on port|port)\\s*`*(\\d{2,5})\\b");
    /** "for example `demo`", "e.g. ``demo``", "such as `demo`" */
    private static final Pattern SHOWN_EXAMPLE = Pattern.compile("(?i)(?:for example|for instance|e\\.g\\.|such as"
            + "|like)[,:]?\\s+`{1,2}([^`\\s<>]{1,64})`{1,2}");
    /** a choice of words, bracketed: {@code [yes|no]}, {@code <start|stop|restart>}, {@code {on|off}} */
    private static final Pattern CHOICE = Pattern.compile("\\[([\\w.-]+)(?:\\|[\\w.-]+)+]|<([\\w.-]+)(?:\\|[\\w.-]+)+>"
            + "|\\{([\\w.-]+)(?:\\|[\\w.-]+)+}");
    private static final Pattern PORT_SET = Pattern.compile("(?i)\\bport\\b[\"']?\\s*[=:]?\\s*[\"'`]*(\\d{4,5})\\b"
            + "|(?:0\\.0\\.0\\.0|127\\.0\\.0\\.1|localhost|\\[::]|\\*):(\\d{4,5})\\b");
    /** "running on port 3000", "the default port for Readeck is ``8000``", "port from *Feedlynx* is 8001" */
    private static final Pattern PORT_IN_PROSE = Pattern.compile("(?i)\\bport\\b[^.\\d\\n=:]{0,30}?[`*\\s](\\d{4,5})\\b");
    private static final Pattern PORT_NAMED = Pattern.compile("(?i)\\bport\\s+`*(\\d{2,5})\\b");
    private static final Pattern PORT_ADD = Pattern.compile("\\buberspace port add\\b");
    private static final String PORT_OPENED = "Port (\\d+) will be open";

    private Placeholders() {
    }

    /**
     * @param written also those in what a file step writes ({@code port=<your_port>}), each at its own line of the
     *                file's text: a file written with {@code <password>} in it is as wrong as a command typing it
     */
    private static List<Placeholder> in(List<Step> steps, boolean written) {
        List<Placeholder> found = new ArrayList<>();
        for (Step step : steps) {
            List<String> texts = new ArrayList<>();
            String content = null;
            if (step instanceof CommandStep c) {
                texts.add(c.command());
                c.interactions().stream().filter(i -> i.answer() != null && i.binding() == null).forEach(i -> texts.add(i.answer()));
            } else if (step instanceof WriteStep w) {
                texts.add(w.path());
                content = w.content();
            } else if (step instanceof EditStep e) {
                texts.add(e.path());
                content = e.fragment();
            }
            for (String text : texts) {
                for (String literal : literalsIn(text)) {
                    found.add(new Placeholder(literal, step.source(), step.line()));
                }
            }
            if (written && content != null) {
                for (String literal : literalsIn(content)) {
                    String before = content.substring(0, content.indexOf(literal));
                    int line = step.line() + (int) before.chars().filter(ch -> ch == '\n').count();
                    found.add(new Placeholder(literal, step.source(), line));
                }
            }
        }
        return found;
    }

    /**
     * The placeholders of one text. Left out: markup with its closing tag ({@code <title>...</title>},
     * {@code <IfModule mod_rewrite.c>...</IfModule>}), HTML's tags that need none ({@code <br>}, {@code <li>}), and
     * a mail address after a name, as mail writes it ({@code Isabell <isabell@uber.space>}); a bare
     * {@code <admin@example.com>} is the reader's own address to give.
     */
    static List<String> literalsIn(String text) {
        if (text.indexOf('<') < 0) {
            return List.of(); // the expression starts with a look-behind: it would be tried at every character
        }
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String tag = m.group(1).split(" ", 2)[0];
            boolean markup = text.contains("</" + tag + ">") || HTML_UNCLOSED.contains(tag.toLowerCase(Locale.ROOT))
                    || PSEUDO_FILES.contains(tag) || INCLUDE_BEFORE.matcher(lineBefore(text, m.start())).find();
            boolean namedAddress = m.group(1).contains("@") && NAME_BEFORE.matcher(text.substring(0, m.start())).find();
            if (!markup && !namedAddress && !out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static String lineBefore(String text, int at) {
        return text.substring(text.lastIndexOf('\n', at - 1) + 1, at);
    }

    /**
     * Binds (or captures) the placeholders the guide gives a value for.
     *
     * @return captures to add, per step number
     */
    static Map<Integer, List<Capture>> bindFromGuide(Guide guide, List<Step> steps, Bindings bindings, TargetFacts facts,
                                                     Map<Integer, List<Capture>> captures) {
        Map<Integer, List<Capture>> added = new LinkedHashMap<>();
        for (Placeholder p : in(steps, true)) {
            if (bindings.get(p.literal()).isPresent() || captured(captures, p.literal()) || captured(added, p.literal())) {
                continue;
            }
            Optional<String> prose = proseAbout(guide, p.literal());
            Optional<String> own = prose.map(text -> ownWords(text, p.literal()));
            if (own.isPresent() && YOUR_USER.matcher(own.get()).find() || standsForUser(steps, p.literal(), facts)) {
                bindings.bind(new Binding(p.literal(), facts.user(), Binding.Origin.TARGET, false));
                continue;
            }
            if (own.isPresent() && YOUR_DOMAIN.matcher(own.get()).find()) {
                bindings.bind(new Binding(p.literal(), facts.domain(), Binding.Origin.TARGET, false));
                continue;
            }
            Optional<String> example = own.flatMap(Placeholders::shownExample);
            if (example.isPresent()) {
                bindings.bind(new Binding(p.literal(), example.get(), Binding.Origin.TARGET, false));
                continue;
            }
            boolean port = p.literal().toLowerCase(Locale.ROOT).contains("port");
            Optional<String> number = prose.flatMap(Placeholders::shownNumber)
                    .or(() -> port ? sectionNumber(guide, p) : Optional.empty())
                    .or(() -> port ? portInTextBefore(guide, steps, p) : Optional.empty())
                    .or(() -> port ? lastPortBefore(guide, steps, p) : Optional.empty());
            if (number.isPresent()) {
                Optional<Map.Entry<Integer, Capture>> carried = captureOf(captures, number.get());
                if (carried.isPresent()) {
                    added.computeIfAbsent(carried.get().getKey(), k -> new ArrayList<>())
                            .add(new Capture(p.literal(), carried.get().getValue().regex()));
                } else {
                    bindings.bind(new Binding(p.literal(), number.get(), Binding.Origin.TARGET, false));
                }
                continue;
            }
            if (port) {
                portOpenedBefore(steps, p).ifPresent(n -> added.computeIfAbsent(n, k -> new ArrayList<>())
                        .add(new Capture(p.literal(), PORT_OPENED)));
            }
        }
        return added;
    }

    /**
     * Binds each choice a command offers the reader ({@code --report-stats=[yes|no]}, {@code <start|stop>}) to its
     * first word, unless bound already: typed as it stands, bash would read its {@code |} as a pipe.
     */
    static void bindChoices(List<Step> steps, Bindings bindings) {
        for (Step step : steps) {
            if (step instanceof CommandStep c && (c.command().indexOf('|') >= 0)) {
                Matcher m = CHOICE.matcher(c.command());
                while (m.find()) {
                    String first = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    String choice = m.group();
                    // a sidecar may bind the choice, or the option around it ("--report-stats=[yes|no]")
                    if (bindings.all().stream().noneMatch(b -> b.literal().contains(choice))) {
                        bindings.bind(new Binding(choice, first, Binding.Origin.CHOICE, false));
                    }
                }
            }
        }
    }

    /** The placeholders still unbound once bindings and captures are known; a skipped step needs none. */
    static List<Placeholder> unbound(List<Step> steps, Bindings bindings) {
        List<String> capturedLiterals = new ArrayList<>();
        steps.stream().filter(s -> s instanceof CommandStep).map(s -> (CommandStep) s)
                .forEach(c -> c.captures().forEach(cap -> capturedLiterals.add(cap.literal())));
        List<Step> run = steps.stream().filter(s -> s.policy() == null || s.policy().skip() == null).toList();
        return in(run, true).stream()
                .filter(p -> bindings.get(p.literal()).isEmpty() && !capturedLiterals.contains(p.literal())).toList();
    }

    private static boolean captured(Map<Integer, List<Capture>> captures, String literal) {
        return captures.values().stream().flatMap(List::stream).anyMatch(c -> c.literal().equals(literal));
    }

    private static Optional<Map.Entry<Integer, Capture>> captureOf(Map<Integer, List<Capture>> captures, String literal) {
        for (Map.Entry<Integer, List<Capture>> e : captures.entrySet()) {
            for (Capture c : e.getValue()) {
                if (c.literal().equals(literal)) {
                    return Optional.of(Map.entry(e.getKey(), c));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when a step shows the placeholder where only the user's name fits: a home folder ({@code /home/<username>/})
     * or the user's own domain ({@code https://<username>.uber.space} where the target's domain is the user's).
     */
    private static boolean standsForUser(List<Step> steps, String literal, TargetFacts facts) {
        String ownDomain = facts.domain() != null && facts.domain().startsWith(facts.user() + ".")
                ? literal + facts.domain().substring(facts.user().length()) : null;
        for (Step step : steps) {
            for (String text : step.typed()) {
                if (text.contains("/home/" + literal) || ownDomain != null && text.contains(ownDomain)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What the prose says of this placeholder: from its name to the next placeholder it names, so that "replace
     * {@code <username>} with your username and {@code <port>} with the port" binds only the first to the user.
     */
    private static String ownWords(String prose, String literal) {
        int at = prose.indexOf(literal) + literal.length();
        Matcher next = PLACEHOLDER.matcher(prose);
        return prose.substring(at, next.find(at) ? next.start() : prose.length());
    }

    /** The prose paragraph that names the placeholder, the nearest before its first use. */
    private static Optional<String> proseAbout(Guide guide, String literal) {
        for (Block block : guide.blocks()) {
            String prose = block.precedingText();
            if (prose != null && prose.contains(literal)) {
                return Optional.of(prose);
            }
        }
        return Optional.empty();
    }

    /**
     * The example value the prose gives right after the placeholder ("Replace {@code <project-name>} with the name of
     * your project, for example {@code demo}"), as an inline literal; never a number, which {@link #shownNumber}
     * reads with the ports' rules.
     */
    private static Optional<String> shownExample(String ownWords) {
        Matcher m = SHOWN_EXAMPLE.matcher(ownWords);
        return m.find() && !m.group(1).matches("\\d+") ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> shownNumber(String prose) {
        Matcher m = SHOWN_NUMBER.matcher(prose);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A port the prose of the placeholder's own block names ("Isso is running on port 1234"). */
    private static Optional<String> sectionNumber(Guide guide, Placeholder p) {
        return blockAt(guide, p.source(), p.line()).map(Block::precedingText).flatMap(prose -> {
            Matcher m = PORT_NAMED.matcher(prose);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /** The block a step's line stands in. */
    private static Optional<Block> blockAt(Guide guide, String source, int line) {
        return guide.blocks().stream().filter(b -> b.source().equals(source) && b.contentLine() <= line
                && line < b.contentLine() + Math.max(1, b.lineCount())).findFirst();
    }

    /**
     * The port the guide last set before the placeholder's step, in a command, a file it writes or its prose
     * ({@code --port 8000}, {@code port = 3000}, {@code 0.0.0.0:8080}): what the web backend include's {@code <port>}
     * means in every daemon guide.
     */
    private static Optional<String> lastPortBefore(Guide guide, List<Step> steps, Placeholder p) {
        String last = null;
        for (Step step : steps) {
            if (holds(step, p)) {
                break;
            }
            for (String text : step.typed()) {
                last = lastPortIn(text).orElse(last);
            }
            Optional<String> prose = blockAt(guide, step.source(), step.line()).map(Block::precedingText);
            if (prose.isPresent()) {
                last = lastPortIn(prose.get()).orElse(last);
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The last port the guide's own text names ("gitea is running on port 3000", often in a note that no block's
     * prose holds) before the first step of the guide's file after the placeholder's (an include has no lines there).
     */
    private static Optional<String> portInTextBefore(Guide guide, List<Step> steps, Placeholder p) {
        String main = guide.file().getFileName().toString();
        int limit = Integer.MAX_VALUE;
        boolean after = false;
        for (Step step : steps) {
            after |= holds(step, p);
            if (after && step.source().equals(main)) {
                limit = step.line();
                break;
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(guide.file());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a guide read from elsewhere: its steps alone say the port
        }
        String last = null;
        for (int i = 0; i < Math.min(limit - 1, lines.size()); i++) {
            Matcher m = PORT_IN_PROSE.matcher(lines.get(i));
            while (m.find()) {
                last = isPort(m.group(1)) ? m.group(1) : last;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Optional<String> lastPortIn(String text) {
        Matcher m = PORT_SET.matcher(text);
        String last = null;
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            last = isPort(n) ? n : last;
        }
        return Optional.ofNullable(last);
    }

    /** A port a user's service can listen on (the lab's examples never use the privileged ones). */
    private static boolean isPort(String number) {
        int value = Integer.parseInt(number);
        return value >= 1024 && value <= 65535;
    }

    /** The step the placeholder stands in: its command's line, or a line of the text its file step writes. */
    private static boolean holds(Step step, Placeholder p) {
        int height = step instanceof WriteStep || step instanceof EditStep ? step.typed().get(0).split("\n", -1).length : 1;
        return step.source().equals(p.source()) && step.line() <= p.line() && p.line() < step.line() + height;
    }

    /** The last {@code uberspace port add} step before the placeholder's step. */
    private static Optional<Integer> portOpenedBefore(List<Step> steps, Placeholder p) {
        Integer last = null;
        for (Step step : steps) {
            if (holds(step, p)) {
                break;
            }
            if (step instanceof CommandStep c && PORT_ADD.matcher(c.command()).find()) {
                last = c.n();
            }
        }
        return Optional.ofNullable(last);
    }
}
