package dev.rehearse.plan;

import dev.rehearse.guide.BadInput;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads typed values out of a composed YAML tree; every complaint carries the file and the node's line. */
final class YamlNodes {

    private final String file;

    YamlNodes(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    BadInput bad(Node node, String problem) {
        return new BadInput(file, line(node), problem);
    }

    /** The entries of a mapping, in file order; a key outside {@code allowed} or a repeated key is an error. */
    Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            throw bad(node, what + " must be a mapping");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key");
            if (allowed != null && !allowed.contains(key)) {
                throw bad(t.getKeyNode(), "unknown key \"" + key + "\" in " + what + " (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (entries.containsKey(key)) {
                throw bad(t.getKeyNode(), "\"" + key + "\" is given twice in " + what);
            }
            entries.put(key, t.getValueNode());
        }
        return entries;
    }

    /** The keys of a mapping with their nodes, for mappings whose keys are data (bindings, vars); absent or ~ is none. */
    List<NodeTuple> tuples(Node node, String what) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            throw bad(node, what + " must be a mapping");
        }
        return m.getValue();
    }

    /** The items of a list; absent or ~ is none. */
    List<Node> sequence(Node node, String what) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw bad(node, what + " must be a list");
        }
        return s.getValue();
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            throw bad(node, what + " must be a single value");
        }
        return s.getValue();
    }

    /** A scalar that names a file or folder: no path holds a NUL character, which the file system cannot take. */
    String path(Node node, String what) {
        String path = scalar(node, what);
        if (path.indexOf('\0') >= 0) {
            throw bad(node, what + " holds a NUL character, which no path has");
        }
        return path;
    }

    boolean bool(Node node, String what) {
        String v = scalar(node, what);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(node, what + " must be true or false, not \"" + v + "\"");
        };
    }

    int integer(Node node, String what) {
        String v = scalar(node, what);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(node, what + " must be a whole number, not \"" + v + "\"");
        }
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}; a bare number is seconds. */
    Duration duration(Node node, String what) {
        String v = scalar(node, what).strip();
        return Durations.parse(v).orElseThrow(
                () -> bad(node, what + " must be a duration like 90s, 5m or 1h, not \"" + v + "\""));
    }

    Pattern regex(Node node, String what) {
        String v = scalar(node, what);
        try {
            return Pattern.compile(v);
        } catch (PatternSyntaxException e) {
            throw bad(node, what + " is not a valid regular expression: " + e.getDescription());
        }
    }
}
