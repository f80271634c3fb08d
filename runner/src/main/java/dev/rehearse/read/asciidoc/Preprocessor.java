package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.SourceRoots;
import dev.rehearse.read.common.IncludeFence;
import dev.rehearse.read.common.GuideText;
import dev.rehearse.read.common.LiteralBlocks;
import dev.rehearse.read.common.QuotedText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AsciiDoc's preprocessor, as Asciidoctor runs it before parsing: {@code include::} directives are replaced by the
 * lines they name (relative to the including file; {@code lines=} and {@code tag=}/{@code tags=} honoured,
 * {@code opts=optional} respected, Antora's {@code partial$}/{@code example$} resource ids resolved inside a
 * {@code modules/<name>/pages} tree) and {@code ifdef}/{@code ifndef}/{@code ifeval} regions are kept or dropped.
 * Every line that survives keeps its own file and line, which is how blocks from an include keep their origin.
 *
 * <p>Attribute entries are tracked in document order to substitute {@code {name}} in include targets and
 * conditions; like Asciidoctor we do not look inside blocks for that. {@code leveloffset} is not applied.
 */
final class Preprocessor {
    /** Asciidoctor's default max-include-depth */
    private static final int MAX_DEPTH = 64;
    private static final Pattern INCLUDE = Pattern.compile("^(\\\\?)include::([^\\[\\s][^\\[]*)\\[(.*)]$");
    private static final Pattern CONDITIONAL = Pattern.compile("^(\\\\?)(ifdef|ifndef|ifeval|endif)::([^\\[]*)\\[(.*)]$");
    private static final Pattern TAG = Pattern.compile("\\b(tag|end)::(\\S+?)\\[]");
    private static final Pattern ANTORA_ID = Pattern.compile("^(?:([\\w.-]+):)?(partial|example|page|attachment|image)\\$(.+)$");
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(.+?)\\s*(==|!=|<=|>=|<|>)\\s*(.+?)\\s*$");

    private final SourceRoots roots;
    private final Path root;
    private final List<Finding> findings;
    private final Map<String, String> attributes = new LinkedHashMap<>(AttributeEntry.BUILT_IN);
    private final List<SourceLine> out = new ArrayList<>();
    private final Deque<OpenConditional> conditionals = new ArrayDeque<>();
    private final Set<Path> including = new HashSet<>();

    private record OpenConditional(boolean active, SourceLine where) {
    }

    Preprocessor(SourceRoots roots, List<Finding> findings) {
        this.roots = roots;
        this.root = roots.root();
        this.findings = findings;
    }

    /** The guide's lines with includes inlined and inactive conditional regions dropped. */
    List<SourceLine> flatten(Path file) {
        readFile(file, 0, null);
        for (OpenConditional open : conditionals) {
            finding(open.where(), Finding.Level.ERROR, "unmatched-conditional",
                    "this conditional is never closed by endif::[]: everything after it depends on it");
        }
        return out;
    }

    /** @param include the include directive's attributes (lines=, tags=), or null for the guide itself */
    private void readFile(Path file, int depth, AttributeList include) {
        String source = LiteralBlocks.relative(root, file);
        List<String> lines = lines(GuideText.read(file));
        boolean[] select = include == null ? null : select(lines, include);
        Path key = file.toAbsolutePath().normalize();
        including.add(key);
        for (int i = 0; i < lines.size(); i++) {
            if (select != null && !select[i]) {
                continue;
            }
            SourceLine line = new SourceLine(lines.get(i), source, i + 1);
            if (!conditional(line) && active()) {
                if (!include(line, file, depth)) {
                    AttributeEntry.apply(line.text(), attributes);
                    out.add(line);
                }
            }
        }
        including.remove(key);
    }

    private boolean active() {
        return conditionals.isEmpty() || conditionals.peek().active();
    }

    /** Handles a conditional directive line; says whether the line was one. */
    private boolean conditional(SourceLine line) {
        Matcher m = CONDITIONAL.matcher(line.text());
        if (!m.matches()) {
            return false;
        }
        if (!m.group(1).isEmpty()) {
            return false; // escaped: an ordinary line, shown without its backslash (BlockScanner.unescape)
        }
        String directive = m.group(2);
        if (directive.equals("endif")) {
            if (conditionals.isEmpty()) {
                finding(line, Finding.Level.ERROR, "unmatched-conditional", "endif::[] without an open ifdef, ifndef or ifeval");
            } else {
                conditionals.pop();
            }
            return true;
        }
        boolean holds = directive.equals("ifeval") ? evaluate(m.group(4)) : defined(m.group(3), directive.equals("ifndef"));
        if (!directive.equals("ifeval") && !m.group(4).isEmpty()) {
            // single-line form: ifdef::name[text to show]
            if (active() && holds) {
                out.add(new SourceLine(m.group(4), line.source(), line.line()));
            }
            return true;
        }
        conditionals.push(new OpenConditional(active() && holds, line));
        return true;
    }

    /** {@code a,b}: any of them set; {@code a+b}: all of them set. */
    private boolean defined(String names, boolean negate) {
        boolean all = names.contains("+");
        boolean result = all;
        for (String name : names.split("[,+]")) {
            boolean set = attributes.containsKey(name.strip());
            result = all ? result && set : result || set;
        }
        return negate != result;
    }

    /** {@code ifeval::["{backend}" == "html5"]}: a comparison we cannot read counts as true (content kept). */
    private boolean evaluate(String expression) {
        Matcher m = COMPARISON.matcher(AttributeEntry.substitute(expression, attributes));
        if (!m.matches()) {
            return true;
        }
        String left = QuotedText.unquote(m.group(1));
        String right = QuotedText.unquote(m.group(3));
        int order;
        try {
            order = Double.compare(Double.parseDouble(left), Double.parseDouble(right));
        } catch (NumberFormatException notNumbers) {
            order = left.compareTo(right);
        }
        return switch (m.group(2)) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** Inlines an include directive line; says whether the line was one. */
    private boolean include(SourceLine line, Path file, int depth) {
        Matcher m = INCLUDE.matcher(line.text());
        if (!m.matches()) {
            return false;
        }
        if (!m.group(1).isEmpty()) {
            return false; // escaped: an ordinary line, shown without its backslash (BlockScanner.unescape)
        }
        String target = AttributeEntry.substitute(m.group(2).strip(), attributes);
        AttributeList options = AttributeList.parse(m.group(3));
        boolean optional = (options.named().getOrDefault("opts", "") + options.named().getOrDefault("options", ""))
                .contains("optional");
        Path included = target.contains("://") ? null : resolve(target, file);
        if (included != null) {
            included = IncludeFence.check(included, antoraRoots(target, file), target, file, line.line());
        }
        if (target.contains("://")) {
            finding(line, Finding.Level.WARNING, "remote-include", "include of a URL is not fetched: " + target);
        } else if (included == null || !Files.isRegularFile(included)) {
            if (!optional) {
                finding(line, Finding.Level.ERROR, Finding.MISSING_INCLUDE, "include file not found: " + target);
            }
        } else if (including.contains(included.toAbsolutePath().normalize())) {
            finding(line, Finding.Level.ERROR, "include-cycle", "include of " + target + " includes itself");
        } else if (depth >= MAX_DEPTH) {
            // bad input, as deeper nesting is in the other formats: no guide needs it, and it hid every step after it
            throw new BadInput(line.source(), line.line(), "includes nested deeper than " + MAX_DEPTH);
        } else {
            readFile(included, depth + 1, options);
        }
        return true;
    }

    /** Relative to the including file; Antora ids relative to the module the including page belongs to. */
    private Path resolve(String target, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Matcher antora = ANTORA_ID.matcher(target);
        if (!antora.matches()) {
            return folder.resolve(target).normalize();
        }
        Path moduleDir = moduleOf(folder);
        if (moduleDir == null) {
            return null;
        }
        Path module = antora.group(1) == null ? moduleDir : moduleDir.resolveSibling(antora.group(1));
        return module.resolve(antora.group(2) + "s").resolve(antora.group(3)).normalize();
    }

    /** The folder of the Antora module ({@code modules/<name>}) {@code folder} lies in, or null. */
    private static Path moduleOf(Path folder) {
        Path moduleDir = folder;
        while (moduleDir != null && (moduleDir.getParent() == null
                || moduleDir.getParent().getFileName() == null
                || !moduleDir.getParent().getFileName().toString().equals("modules"))) {
            moduleDir = moduleDir.getParent();
        }
        return moduleDir;
    }

    /**
     * Where an include may read from: the runbook's roots, and for an Antora id the component's {@code modules}
     * folder too, where Antora itself finds a page's partials and examples (a page's runbook folder is its
     * {@code pages} folder, which holds none of them).
     */
    private SourceRoots antoraRoots(String target, Path file) {
        Path module = ANTORA_ID.matcher(target).matches() ? moduleOf(file.toAbsolutePath().getParent()) : null;
        if (module == null) {
            return roots;
        }
        List<Path> extra = new ArrayList<>(roots.extra());
        extra.add(module.getParent());
        return new SourceRoots(roots.root(), extra);
    }

    /** The lines an include keeps: {@code lines=1..5;8;10..-1} and {@code tag=x} / {@code tags=x;y}. */
    private static boolean[] select(List<String> lines, AttributeList options) {
        String ranges = options.named().get("lines");
        String tags = options.named().getOrDefault("tags", options.named().get("tag"));
        if (ranges == null && tags == null) {
            return null;
        }
        boolean[] keep = new boolean[lines.size()];
        if (ranges != null) {
            for (String range : ranges.split("[;,]")) {
                String[] ends = range.strip().split("\\.\\.", 2);
                try {
                    int from = Integer.parseInt(ends[0].strip());
                    int to = ends.length == 1 ? from : Integer.parseInt(ends[1].strip());
                    to = to < 0 ? lines.size() : Math.min(to, lines.size());
                    for (int n = Math.max(from, 1); n <= to; n++) {
                        keep[n - 1] = true;
                    }
                } catch (NumberFormatException ignored) {
                    // Asciidoctor ignores a range it cannot read; so do we.
                }
            }
        }
        if (tags != null) {
            Set<String> wanted = new HashSet<>(Arrays.asList(tags.split("[;,]")));
            Deque<String> open = new ArrayDeque<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TAG.matcher(lines.get(i));
                if (m.find()) {
                    if (m.group(1).equals("tag")) {
                        open.push(m.group(2));
                    } else {
                        open.remove(m.group(2));
                    }
                } else if (open.stream().anyMatch(wanted::contains)) {
                    keep[i] = true;
                }
            }
        }
        return keep;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private void finding(SourceLine where, Finding.Level level, String rule, String message) {
        findings.add(new Finding(where.source(), where.line(), level, rule, message));
    }
}
