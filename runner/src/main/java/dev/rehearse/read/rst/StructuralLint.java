package dev.rehearse.read.rst;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Finding.Level;

import dev.rehearse.read.common.Py;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Structural defects of a reStructuredText guide, found while reading it: adornments (too short, over- and
 * underline that differ, inconsistent levels), {@code :emphasize-lines:} Sphinx rejects, duplicate section titles
 * (also a heading swallowed into a paragraph for want of a blank line), includes, images and link targets that do
 * not exist, and the parser's own complaints that change what Sphinx renders (a {@code ::} block read as a
 * definition list, a directive it drops).
 */
final class StructuralLint {

    private static final Pattern ADORNMENT = Pattern.compile("([!-/:-@\\[-`{-~])\\1{2,} *");
    private static final Pattern LABEL = Pattern.compile("^\\s*\\.\\.\\s+_([^:`]+|`[^`]+`):(\\s|$)",
            Pattern.MULTILINE);
    /** Explicit labels of every {@code .rst} file of a source root, for {@code :ref:} (read once per root). */
    private static final Map<Path, Set<String>> LABELS = new ConcurrentHashMap<>();
    /** Project files of a source root (exported lists, page names), read once per root and file version. */
    private static final Map<String, Set<String>> PROJECT_FILES = new ConcurrentHashMap<>();

    private final Memo memo;
    private final Path root;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Node> sections = new ArrayList<>();
    private final List<Node> paragraphs = new ArrayList<>();

    private StructuralLint(Memo memo) {
        this.memo = memo;
        this.root = memo.settings.root;
        memo.document.walkElements(n -> {
            if (n.is(NodeType.SECTION) && !n.children.isEmpty()) {
                sections.add(n);
            } else if (n.is(NodeType.PARAGRAPH)) {
                paragraphs.add(n);
            }
        });
    }

    static List<Finding> findings(Memo memo) {
        StructuralLint lint = new StructuralLint(memo);
        lint.parserMessages();
        lint.duplicateTitles();
        lint.swallowedTitles();
        lint.missingIncludes();
        lint.missingImages();
        lint.missingTargets();
        lint.duplicateTargets();
        lint.findings.sort(Comparator.comparing(Finding::source).thenComparingInt(Finding::line));
        // docutils reads a title twice when it closes sections, and says so twice: say it once
        return lint.findings.stream().distinct().toList();
    }

    private void add(Memo.Position at, Level level, String rule, String message) {
        String source = at.source() == null ? memo.document.source : at.source();
        findings.add(new Finding(relative(source), at.line() == null ? 0 : at.line(), level, rule, message));
    }

    private String relative(String source) {
        try {
            return root.relativize(Path.of(source)).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    /** The parser's messages that matter for what Sphinx renders (infos only where they hide a defect). */
    private void parserMessages() {
        for (Memo.Message m : memo.messages) {
            if (m.rule() == null || m.rule().equals("internal")) {
                continue;
            }
            boolean defectInfo = m.rule().equals("literal-block") || m.rule().equals("title-underline");
            if (m.level() < Memo.WARNING && !defectInfo) {
                continue;
            }
            Level level = m.level() >= Memo.ERROR ? Level.ERROR : Level.WARNING;
            String text = m.text().replace("\n", " ");
            add(new Memo.Position(m.source(), m.line()), level, m.rule(), text);
        }
    }

    /** Sibling sections with the same title: their anchors collide and readers cannot tell them apart. */
    private void duplicateTitles() {
        Map<Node, Map<String, Node>> seenByParent = new IdentityHashMap<>();
        for (Node section : sections) {
            Node title = section.children.get(0);
            String text = title.astext();
            Map<String, Node> seen = seenByParent.computeIfAbsent(section.parent, k -> new HashMap<>());
            Node first = seen.putIfAbsent(Names.fullyNormalize(text), title);
            if (first != null) {
                add(new Memo.Position(title.source, title.line), Level.WARNING, "duplicate-title",
                        "section title \"" + text + "\" repeats the one at line " + first.line);
            }
        }
    }

    /**
     * A text line with an adornment under it in the middle of a paragraph: a heading that lacks the blank line
     * before it, so that Sphinx renders it as text.
     */
    private void swallowedTitles() {
        // the document's own adornment characters and the usual ones (a swallowed heading may be the only one of
        // its level); not "." or ":", which end sentences and mark literal blocks
        Set<Character> styles = new HashSet<>(List.of('=', '-', '~', '^', '"', '#', '*', '+', '`', '\'', '_'));
        for (String style : memo.titleStyles) {
            styles.add(style.charAt(style.length() - 1));
        }
        Map<String, Node> titles = new HashMap<>();
        for (Node section : sections) {
            titles.putIfAbsent(Names.fullyNormalize(section.children.get(0).astext()), section.children.get(0));
        }
        for (Node p : paragraphs) {
            if (p.line == null || p.rawsource == null || p.rawsource.indexOf('\n') < 0) {
                continue;
            }
            String[] lines = p.rawsource.split("\n", -1);
            for (int i = 2; i < lines.length; i++) {
                if (lines[i].isEmpty() || !styles.contains(lines[i].charAt(0))) {
                    continue;
                }
                Matcher m = ADORNMENT.matcher(lines[i]);
                String title = Py.strip(lines[i - 1]);
                if (!m.matches() || title.isEmpty() || !styles.contains(lines[i].charAt(0))
                        || Py.rstrip(lines[i]).length() < UnicodeTables.columnWidth(title) || Py.isSpace(lines[i - 1].charAt(0))) {
                    continue;
                }
                Node same = titles.get(Names.fullyNormalize(title));
                Memo.Position at = new Memo.Position(p.source, p.line + i - 1);
                if (same != null) {
                    add(at, Level.WARNING, "duplicate-title", "section title \"" + title + "\" repeats the one at "
                            + "line " + same.line + " (a heading swallowed into the paragraph for want of a blank "
                            + "line before it)");
                } else {
                    add(at, Level.WARNING, "duplicate-title", "heading \"" + title + "\" is swallowed into the "
                            + "paragraph above it for want of a blank line before it");
                }
            }
        }
    }

    private void missingIncludes() {
        for (Memo.Include include : memo.includes) {
            if (!include.exists()) {
                add(include.at(), Level.ERROR, Finding.MISSING_INCLUDE, "included file does not exist: "
                        + include.argument());
            }
        }
    }

    private void missingImages() {
        Set<String> known = listedFiles("_images.txt");
        for (Memo.Image image : memo.images) {
            String uri = image.uri();
            if (uri.contains("://") || uri.startsWith("data:")) {
                continue;
            }
            boolean exists;
            if (known != null) {
                exists = known.contains(Path.of(uri.replaceFirst("^/+", "")).normalize().toString());
            } else {
                Path file = uri.startsWith("/") ? root.resolve(uri.replaceFirst("^/+", ""))
                        : memo.settings.topDirectory.resolve(uri);
                exists = Files.isRegularFile(file);
            }
            if (!exists) {
                add(image.at(), Level.WARNING, "missing-image", "image file does not exist: " + uri);
            }
        }
    }

    /** Lines of a list file in the source root (the corpus exports the Sphinx project's files), or null. */
    private Set<String> listedFiles(String name) {
        Path list = root.resolve(name);
        if (!Files.isRegularFile(list)) {
            return null;
        }
        return PROJECT_FILES.computeIfAbsent(list + "@" + list.toFile().lastModified(), k -> {
            try (Stream<String> lines = Files.lines(list)) {
                Set<String> out = new HashSet<>();
                lines.map(Py::strip).filter(l -> !l.isEmpty()).forEach(out::add);
                return out;
            } catch (IOException e) {
                return Set.of();
            }
        });
    }

    private void missingTargets() {
        Set<String> pages = null;
        for (Memo.Reference ref : memo.references) {
            switch (ref.kind()) {
                case "name", "target" -> {
                    if (!memo.targets.defined(ref.name())) {
                        add(ref.at(), Level.ERROR, "missing-target", "unknown link target \"" + ref.name() + "\" ("
                                + ref.raw() + ")");
                    } else if (memo.targets.ambiguous(ref.name())) {
                        add(ref.at(), Level.ERROR, "duplicate-target", "link \"" + ref.name() + "\" is defined "
                                + "twice with different destinations; which one is meant? (" + ref.raw() + ")");
                    }
                }
                case "ref" -> {
                    String label = Py.normalizeSpace(ref.name());
                    if (!memo.targets.isLabel(label) && !labels(root).contains(label)) {
                        add(ref.at(), Level.WARNING, "missing-target", "undefined label \"" + label + "\" ("
                                + ref.raw() + ")");
                    }
                }
                case "lab" -> {
                    if (pages == null) {
                        pages = pages();
                    }
                    String page = ref.name().split("#", 2)[0].replaceFirst("\\.html$", "");
                    if (!page.isEmpty() && !pages.contains(page)) {
                        add(ref.at(), Level.WARNING, "missing-target", "no lab guide \"" + page + "\" (" + ref.raw()
                                + ")");
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Documents of the Sphinx project: the source root's .rst files and an exported page list. */
    private Set<String> pages() {
        // not computeIfAbsent: readPages fills the same map (the page list), and a map may not be updated from
        // inside its own computeIfAbsent ("Recursive update")
        String key = root + "@pages@" + root.toFile().lastModified();
        Set<String> pages = PROJECT_FILES.get(key);
        if (pages == null) {
            pages = readPages();
            PROJECT_FILES.putIfAbsent(key, pages);
        }
        return pages;
    }

    private Set<String> readPages() {
        Set<String> pages = new HashSet<>();
        Set<String> listed = listedFiles("_pages.txt");
        if (listed != null) {
            pages.addAll(listed);
        }
        try (Stream<Path> files = Files.list(root)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rst"))
                    .forEach(n -> pages.add(n.substring(0, n.length() - 4)));
        } catch (IOException e) {
            // no listing: only the exported pages count
        }
        return pages;
    }

    private static Set<String> labels(Path root) {
        return LABELS.computeIfAbsent(root, r -> {
            Set<String> out = new HashSet<>();
            try (Stream<Path> files = Files.walk(r, 4)) {
                // a FIFO or a device beside the guide would never end its read
                files.filter(f -> f.toString().endsWith(".rst") && Files.isRegularFile(f)).forEach(f -> {
                    try {
                        Matcher m = LABEL.matcher(Files.readString(f));
                        while (m.find()) {
                            String label = m.group(1).replace("`", "");
                            out.add(Py.normalizeSpace(label.toLowerCase(Locale.ROOT)));
                        }
                    } catch (IOException | RuntimeException e) {
                        // an unreadable neighbour defines no labels
                    }
                });
            } catch (IOException e) {
                // no neighbours
            }
            return out;
        });
    }

    /** The same link name defined twice with different destinations: references to it are ambiguous. */
    private void duplicateTargets() {
        for (TargetNames.Redefinition r : memo.targets.redefinitions) {
            add(r.again(), Level.WARNING, "duplicate-target", "link target \"" + r.name() + "\" is defined again "
                    + "(first at line " + r.first().line() + ") with another destination");
        }
    }
}
