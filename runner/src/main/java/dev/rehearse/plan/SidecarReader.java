package dev.rehearse.plan;

import dev.rehearse.files.YamlText;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.ClosestName;
import dev.rehearse.plan.Runbook.BindingRule;
import dev.rehearse.plan.Runbook.Check;
import dev.rehearse.plan.Runbook.StepRule;
import dev.rehearse.plan.Runbook.StepSelector;
import dev.rehearse.plan.Runbook.ValueSource;
import dev.rehearse.read.Guides;
import dev.rehearse.read.common.SourceText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a runbook's guide and sidecar and reads the sidecar ({@code runbook.yaml}, see docs/runbook.md). */
public final class SidecarReader {
    public static final String SIDECAR = "runbook.yaml";

    private static final Set<String> TOP = Set.of("guide", "include_roots", "vars", "bindings", "answers", "steps", "defaults",
            "checks", "target", "effects");
    private static final Set<String> BINDING = Set.of("value", "fact", "generate", "capture", "same_as", "secret", "step");
    private static final Set<String> FACTS = Set.of("user", "host", "home", "domain");
    private static final Set<String> VAR = Set.of("default", "fact");
    private static final Set<String> GENERATORS = Set.of("secret", "port");
    private static final Set<String> SELECTOR = Set.of("n", "command", "section");
    private static final Set<String> STEP_RULE = Set.of("n", "command", "section", "timeout", "eventually", "skip",
            "expect_exit", "opens_shell", "interrupt", "ready");
    private static final Set<String> READY = Set.of("port", "http", "command", "timeout");
    /** how long a readiness waits when its rule gives no timeout */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> DEFAULTS = Set.of("timeout", "eventually", "expect_exit", "max_output");
    private static final Set<String> ANSWER = Set.of("prompt", "answer", "binding", "hidden");
    private static final Set<String> CHECK = Set.of("name", "after", "command", "expect", "timeout");
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** {@code ${name}} in a value: a declared variable or a target fact */
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private SidecarReader() {
    }

    public static Runbook load(Path path) {
        if (!Files.exists(path)) {
            throw Guides.notThere(path);
        }
        Path dir;
        Path sidecar;
        Path guide = null;
        if (Files.isDirectory(path)) {
            dir = path;
            sidecar = path.resolve(SIDECAR);
        } else if (path.getFileName().toString().equals(SIDECAR)) {
            dir = parentOf(path);
            sidecar = path;
        } else {
            dir = parentOf(path);
            sidecar = dir.resolve(SIDECAR);
            guide = path;
        }
        if (!Files.isRegularFile(sidecar)) {
            if (guide == null) {
                guide = onlyGuideIn(dir);
            }
            return bare(dir, guide);
        }
        Runbook read = read(sidecar, dir, guide);
        if (guide != null && !read.guide().normalize().equals(guide.normalize())) {
            return bare(dir, guide); // the sidecar beside this file belongs to another guide
        }
        return read;
    }

    /**
     * The file's folder, given as the file was: relative for a relative file (the empty path, the working
     * directory, for a bare name), so that the guide and its folder can be related to each other.
     */
    private static Path parentOf(Path file) {
        return file.getParent() != null ? file.getParent() : Path.of("");
    }

    private static Runbook bare(Path dir, Path guide) {
        return Runbook.bare(nameOf(dir, guide), dir, guide);
    }

    private static String nameOf(Path dir, Path guide) {
        String file = guide.getFileName().toString();
        return file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    }

    /** The folder's guide, as the reader finds it (the one {@code guide_*} file, or the only guide file). */
    private static Path onlyGuideIn(Path dir) {
        return Guides.guideFile(dir);
    }

    private static Runbook read(Path sidecar, Path dir, Path guideGiven) {
        String file = sidecar.toString();
        String text = SourceText.read(sidecar);
        Node root = YamlText.compose(text, file);
        YamlNodes y = new YamlNodes(file);
        Map<String, Node> top = root == null || YamlNodes.isNull(root) ? Map.of() : y.mapping(root, "the sidecar", TOP);

        Path guide;
        if (top.containsKey("guide")) {
            guide = dir.resolve(y.path(top.get("guide"), "guide"));
            if (!Files.isRegularFile(guide)) {
                throw y.bad(top.get("guide"), "the guide " + guide + " does not exist");
            }
        } else {
            guide = guideGiven != null ? guideGiven : onlyGuideIn(dir);
        }
        Map<String, String> varFacts = new LinkedHashMap<>();
        Map<String, String> vars = vars(y, top.get("vars"), varFacts);
        List<BindingRule> bindings = bindings(y, top.get("bindings"), vars);
        checkVarsUsed(y, top.get("vars"), bindings);
        List<AnswerRule> answers = answers(y, top.get("answers"));
        List<StepRule> steps = steps(y, top.get("steps"));
        StepPolicy defaults = defaults(y, top.get("defaults"));
        List<Check> checks = checks(y, top.get("checks"));
        Map<String, String> target = target(y, top.get("target"));
        List<Pattern> effects = effects(y, top.get("effects"));
        List<Path> includeRoots = includeRoots(y, top.get("include_roots"), dir);
        return new Runbook(dir.getFileName() != null ? dir.toAbsolutePath().normalize().getFileName().toString() : nameOf(dir, guide),
                dir, guide, sidecar, vars, varFacts, bindings, answers, steps, defaults, checks, target, effects, includeRoots);
    }

    /** {@code include_roots}: folders, relative to the sidecar's, the guide's includes may read from too. */
    private static List<Path> includeRoots(YamlNodes y, Node node, Path dir) {
        List<Path> roots = new ArrayList<>();
        for (Node item : y.sequence(node, "include_roots")) {
            Path folder = dir.resolve(y.path(item, "an include root")).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                throw y.bad(item, "include root " + folder + " is not a folder");
            }
            roots.add(folder);
        }
        return roots;
    }

    /**
     * {@code NAME: DEFAULT}, or {@code NAME: {default: DEFAULT, fact: FACT}}: the target's fact FACT where it has
     * one (the Synapse version a host holds), else the default.
     */
    private static Map<String, String> vars(YamlNodes y, Node node, Map<String, String> facts) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (NodeTuple t : y.tuples(node, "vars")) {
            String name = y.scalar(t.getKeyNode(), "a variable name");
            if (!VAR_NAME.matcher(name).matches() || FACTS.contains(name)) {
                throw y.bad(t.getKeyNode(), "\"" + name + "\" cannot be a variable name (letters, digits and _; "
                        + "user, host, home and domain are the target's facts)");
            }
            if (vars.containsKey(name)) {
                throw y.bad(t.getKeyNode(), "variable \"" + name + "\" is declared twice");
            }
            Node value = t.getValueNode();
            if (value instanceof MappingNode) {
                Map<String, Node> m = y.mapping(value, "variable " + name, VAR);
                if (!m.containsKey("fact")) {
                    throw y.bad(value, "variable " + name + ": a mapping names the fact it follows (fact:) and its default");
                }
                facts.put(name, y.scalar(m.get("fact"), "fact"));
                value = m.get("default");
            }
            vars.put(name, value == null || YamlNodes.isNull(value) ? null : y.scalar(value, "the value of " + name));
        }
        return vars;
    }

    private static List<BindingRule> bindings(YamlNodes y, Node node, Map<String, String> vars) {
        List<BindingRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : y.tuples(node, "bindings")) {
            String literal = y.scalar(t.getKeyNode(), "a binding's example value");
            int line = YamlNodes.line(t.getKeyNode());
            if (literal.isEmpty() || !seen.add(literal)) {
                throw y.bad(t.getKeyNode(), literal.isEmpty() ? "an empty example value cannot be bound"
                        : "\"" + literal + "\" is bound twice");
            }
            Node v = t.getValueNode();
            if (!(v instanceof MappingNode)) {
                String value = YamlNodes.isNull(v) ? "" : y.scalar(v, "the value of \"" + literal + "\"");
                checkReferences(y, v, value, vars);
                rules.add(new BindingRule(literal, ValueSource.VALUE, value, false, null, y.file(), line));
                continue;
            }
            Map<String, Node> m = y.mapping(v, "binding \"" + literal + "\"", BINDING);
            List<String> sources = Stream.of("value", "fact", "generate", "capture", "same_as").filter(m::containsKey).toList();
            if (sources.size() != 1) {
                throw y.bad(v, "binding \"" + literal + "\" needs exactly one of value, fact, generate, capture, same_as");
            }
            String key = sources.get(0);
            Node arg = m.get(key);
            String argument = y.scalar(arg, key);
            ValueSource source = ValueSource.valueOf(key.toUpperCase());
            switch (source) {
                case VALUE -> checkReferences(y, arg, argument, vars);
                case FACT -> {
                    if (!FACTS.contains(argument)) {
                        throw y.bad(arg, "fact must be one of user, host, home, domain, not \"" + argument + "\"");
                    }
                }
                case GENERATE -> {
                    if (!GENERATORS.contains(argument)) {
                        throw y.bad(arg, "generate must be secret or port, not \"" + argument + "\"");
                    }
                }
                case CAPTURE -> y.regex(arg, "capture");
                case SAME_AS -> {
                }
            }
            boolean secret = m.containsKey("secret") ? y.bool(m.get("secret"), "secret")
                    : source == ValueSource.GENERATE && argument.equals("secret");
            StepSelector step = m.containsKey("step") ? selector(y, m.get("step"), "step") : null;
            if (step != null && source != ValueSource.CAPTURE) {
                throw y.bad(m.get("step"), "step only applies to a capture");
            }
            rules.add(new BindingRule(literal, source, argument, secret, step, y.file(), line));
        }
        for (BindingRule rule : rules) {
            if (rule.source() == ValueSource.SAME_AS && rules.stream().noneMatch(r -> r.literal().equals(rule.argument()))) {
                throw new BadInput(y.file(), rule.line(), "binding \"" + rule.literal() + "\" is the same as \""
                        + rule.argument() + "\", which the sidecar does not bind");
            }
        }
        return rules;
    }

    /**
     * A declared variable that no binding's value names ({@code ${name}}) binds nothing: {@code --bind name=...} or
     * {@code --vary name=...} would then test nothing, in green. Refused at its line.
     */
    private static void checkVarsUsed(YamlNodes y, Node node, List<BindingRule> bindings) {
        for (NodeTuple t : y.tuples(node, "vars")) {
            String name = y.scalar(t.getKeyNode(), "a variable name");
            if (bindings.stream().noneMatch(rule -> rule.source() == ValueSource.VALUE
                    && rule.argument().contains("${" + name + "}"))) {
                throw y.bad(t.getKeyNode(), "variable '" + name + "' is declared but no binding uses ${" + name
                        + "}: binding it would change nothing");
            }
        }
    }

    private static void checkReferences(YamlNodes y, Node node, String value, Map<String, String> vars) {
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            if (!vars.containsKey(m.group(1)) && !FACTS.contains(m.group(1))) {
                Set<String> known = new LinkedHashSet<>(vars.keySet());
                known.addAll(FACTS);
                throw y.bad(node, ClosestName.of(m.group(1), known)
                        .map(name -> "unknown variable '" + m.group(1) + "' in ${" + m.group(1) + "} (did you mean '"
                                + name + "'?)")
                        .orElse("${" + m.group(1) + "} is neither a declared variable (vars:) nor a fact (user, host, "
                                + "home, domain)"));
            }
        }
    }

    private static List<AnswerRule> answers(YamlNodes y, Node node) {
        List<AnswerRule> answers = new ArrayList<>();
        for (Node item : y.sequence(node, "answers")) {
            Map<String, Node> m = y.mapping(item, "an answer", ANSWER);
            if (!m.containsKey("prompt") || m.containsKey("answer") == m.containsKey("binding")) {
                throw y.bad(item, "an answer needs a prompt and exactly one of answer, binding");
            }
            String answer = m.containsKey("answer") ? (YamlNodes.isNull(m.get("answer")) ? "" : y.scalar(m.get("answer"), "answer")) : null;
            String binding = m.containsKey("binding") ? y.scalar(m.get("binding"), "binding") : null;
            boolean hidden = m.containsKey("hidden") && y.bool(m.get("hidden"), "hidden");
            answers.add(new AnswerRule(y.regex(m.get("prompt"), "prompt"), answer, binding, hidden, y.file(),
                    YamlNodes.line(item)));
        }
        return answers;
    }

    private static List<StepRule> steps(YamlNodes y, Node node) {
        List<StepRule> rules = new ArrayList<>();
        for (Node item : y.sequence(node, "steps")) {
            Map<String, Node> m = y.mapping(item, "a step rule", STEP_RULE);
            if (SELECTOR.stream().noneMatch(m::containsKey)) {
                throw y.bad(item, "a step rule needs n, command or section to select its steps");
            }
            rules.add(new StepRule(selectorOf(y, m),
                    m.containsKey("timeout") ? y.duration(m.get("timeout"), "timeout") : null,
                    m.containsKey("eventually") ? y.bool(m.get("eventually"), "eventually") : null,
                    m.containsKey("skip") ? y.scalar(m.get("skip"), "skip (the reason)") : null,
                    m.containsKey("expect_exit") ? y.integer(m.get("expect_exit"), "expect_exit") : null,
                    m.containsKey("ready") ? readiness(y, m.get("ready")) : null,
                    m.containsKey("opens_shell") ? y.bool(m.get("opens_shell"), "opens_shell") : null,
                    m.containsKey("interrupt") && y.bool(m.get("interrupt"), "interrupt"),
                    y.file(), YamlNodes.line(item)));
        }
        return rules;
    }

    /** {@code ready: {port: N | http: URL | command: CMD, timeout: T}} */
    private static Readiness readiness(YamlNodes y, Node node) {
        Map<String, Node> m = y.mapping(node, "ready", READY);
        List<String> kinds = Stream.of("port", "http", "command").filter(m::containsKey).toList();
        if (kinds.size() != 1) {
            throw y.bad(node, "ready needs exactly one of port, http, command");
        }
        String kind = kinds.get(0);
        String what = y.scalar(m.get(kind), kind);
        return new Readiness(Readiness.Kind.valueOf(kind.toUpperCase()), what,
                m.containsKey("timeout") ? y.duration(m.get("timeout"), "timeout") : READY_TIMEOUT);
    }

    private static StepPolicy defaults(YamlNodes y, Node node) {
        if (node == null || YamlNodes.isNull(node)) {
            return StepPolicy.DEFAULT;
        }
        Map<String, Node> m = y.mapping(node, "defaults", DEFAULTS);
        StepPolicy d = StepPolicy.DEFAULT;
        return new StepPolicy(m.containsKey("timeout") ? y.duration(m.get("timeout"), "timeout") : d.timeout(),
                m.containsKey("eventually") ? y.bool(m.get("eventually"), "eventually") : d.eventually(),
                null,
                m.containsKey("expect_exit") ? y.integer(m.get("expect_exit"), "expect_exit") : d.expectExit(),
                null,
                m.containsKey("max_output") ? size(y, m.get("max_output")) : null, null);
    }

    /** {@code 2M}, {@code 512K}: how much of a step's output is kept */
    private static long size(YamlNodes y, Node node) {
        String v = y.scalar(node, "max_output");
        Long size = StepPolicy.parseSize(v);
        if (size == null) {
            throw y.bad(node, "max_output must be a size like 2M, 512K or 1G, not \"" + v + "\"");
        }
        return size;
    }

    private static List<Check> checks(YamlNodes y, Node node) {
        List<Check> checks = new ArrayList<>();
        for (Node item : y.sequence(node, "checks")) {
            Map<String, Node> m = y.mapping(item, "a check", CHECK);
            if (!m.containsKey("command")) {
                throw y.bad(item, "a check needs a command");
            }
            String command = y.scalar(m.get("command"), "command");
            StepSelector after = null;
            if (m.containsKey("after") && !"end".equals(scalarOrNull(m.get("after")))) {
                after = selector(y, m.get("after"), "after");
            }
            checks.add(new Check(m.containsKey("name") ? y.scalar(m.get("name"), "name") : command, after, command,
                    m.containsKey("expect") ? y.regex(m.get("expect"), "expect") : null,
                    m.containsKey("timeout") ? y.duration(m.get("timeout"), "timeout") : StepPolicy.DEFAULT.timeout(),
                    y.file(), YamlNodes.line(item)));
        }
        return checks;
    }

    /** {@code effects:} a list of regular expressions, each with a group named effect */
    private static List<Pattern> effects(YamlNodes y, Node node) {
        List<Pattern> effects = new ArrayList<>();
        for (Node item : y.sequence(node, "effects")) {
            Pattern pattern = y.regex(item, "an effect line");
            if (!pattern.pattern().contains("(?<effect>")) {
                throw y.bad(item, "an effect line needs a group named effect: (?<effect>...)");
            }
            effects.add(pattern);
        }
        return effects;
    }

    private static String scalarOrNull(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A step selector: a step number, or a mapping of n, command, section. */
    private static StepSelector selector(YamlNodes y, Node node, String what) {
        if (node instanceof ScalarNode) {
            return new StepSelector(y.integer(node, what), null, null, y.file(), YamlNodes.line(node));
        }
        Map<String, Node> m = y.mapping(node, what, SELECTOR);
        if (m.isEmpty()) {
            throw y.bad(node, what + " needs n, command or section");
        }
        return selectorOf(y, m);
    }

    private static StepSelector selectorOf(YamlNodes y, Map<String, Node> m) {
        Node first = m.values().iterator().next();
        return new StepSelector(m.containsKey("n") ? y.integer(m.get("n"), "n") : null,
                m.containsKey("command") ? y.regex(m.get("command"), "command") : null,
                m.containsKey("section") ? y.regex(m.get("section"), "section") : null, y.file(),
                YamlNodes.line(first));
    }

    private static Map<String, String> target(YamlNodes y, Node node) {
        Map<String, String> target = new LinkedHashMap<>();
        if (node == null || YamlNodes.isNull(node)) {
            return target;
        }
        if (node instanceof ScalarNode) {
            target.put("kind", y.scalar(node, "target"));
            return target;
        }
        for (Map.Entry<String, Node> e : y.mapping(node, "target", null).entrySet()) {
            target.put(e.getKey(), y.scalar(e.getValue(), "target " + e.getKey()));
        }
        return target;
    }
}
