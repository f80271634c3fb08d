package dev.rehearse.files;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.rehearse.guide.BadInput;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.SharedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's three config edits merged into what Synapse really generates, and the merge's rules on small files. */
class YamlMergeTest {

    /** The seed's yaml blocks, as the planner hands them over (block indentation removed). */
    private static List<String> seedFragments() {
        return List.of(fragment(227, 241, 4), fragment(255, 269, 4), fragment(278, 279, 2));
    }

    private static String fragment(int from, int to, int indent) {
        return String.join("\n", Checkout.seedLines(from, to, indent)) + "\n";
    }

    @Test
    @Tag("conformance")
    void theSeedsEditsOfSynapse100sHomeserverYamlKeepEveryCommentAndChangeOnlyTheMergedKeys() {
        String original = SharedFiles.read("synapse-real/1.0.0/homeserver.yaml");
        assertEquals(1343, original.lines().count());

        String merged = mergeAll(original);

        assertSameData(original, merged);
        assertEquals(comments(original), comments(merged), "every comment line kept, in order");
        // changed or removed: the old listener (lines 215-223), the engine name (451) and the sqlite path (455)
        Set<Integer> replaced = new TreeSet<>(IntStream.rangeClosed(215, 223).boxed().toList());
        replaced.addAll(List.of(451, 455));
        assertOnlyLinesChanged(original, merged, replaced);
        List<String> lines = merged.lines().toList();
        assertEquals("tls_certificate_path: \"/home/isabell/etc/certificates/my.domain.name.crt\"",
                lines.get(lines.indexOf("#tls_certificate_path: \"/home/isabell/synapse/my.domain.name.tls.crt\"") + 1),
                "a new key goes right after its commented-out example");
        assertEquals("user_directory:", lines.get(lines.indexOf("#  search_all_users: false") + 1));
        assertEquals("  enabled: true", lines.get(lines.indexOf("#  search_all_users: false") + 2));
        int args = lines.indexOf("  args:");
        assertEquals(List.of("  args:", "    # Path to the database", "    database: \"synapse\"", "    user: \"synapse\"",
                "    password: \"<my super secure password>\"", "    host: \"/home/isabell/tmp\"", "    cp_min: 5",
                "    cp_max: 10", ""), lines.subList(args, args + 9), "new keys land in args at its indentation");
        assertEquals("  name: psycopg2", lines.get(args - 2), "the engine's comment above it stays");
        System.out.printf("homeserver.yaml 1.0.0: %d lines -> %d lines, %d lines changed or added%n",
                original.lines().count(), lines.size(), changedLines(original, merged));
    }

    @Test
    @Tag("conformance")
    void theSameEditsOfSynapse1670sShortConfigAppendTheNewKeysAfterTheLastEntry() {
        String original = SharedFiles.read("synapse-real/1.67.0/homeserver.yaml");

        String merged = mergeAll(original);

        assertSameData(original, merged);
        assertEquals(comments(original), comments(merged));
        assertOnlyLinesChanged(original, merged, Set.of(15, 16, 17, 18, 19, 20, 21, 22, 24, 26));
        List<String> lines = merged.lines().toList();
        int trusted = lines.indexOf("  - server_name: \"matrix.org\"");
        assertEquals(List.of("tls_certificate_path: \"/home/isabell/etc/certificates/my.domain.name.crt\"",
                "tls_private_key_path: \"/home/isabell/etc/certificates/my.domain.name.key\"", "user_directory:",
                "  enabled: true"), lines.subList(trusted + 1, trusted + 5));
        assertEquals("# vim:ft=yaml", lines.get(lines.size() - 1), "the modeline stays last");
    }

    private static String mergeAll(String original) {
        String merged = original;
        for (String fragment : seedFragments()) {
            merged = YamlMerge.merge(merged, fragment);
        }
        return merged;
    }

    /** Small files in our own words: what merging a fragment into each must give, byte for byte. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("a scalar is replaced in place, keeping the comment after it",
                        "a: 1\nport: 8008  # where it listens\nb: 2\n", "port: 40312\n",
                        "a: 1\nport: 40312  # where it listens\nb: 2\n"),
                Arguments.of("a key whose options are all commented out gets the fragment's value",
                        "password_config:\n   # Uncomment to disable password login\n   #enabled: false\n\nnext: 1\n",
                        "password_config:\n  enabled: false\n",
                        "password_config:\n  enabled: false\n   # Uncomment to disable password login\n"
                                + "   #enabled: false\n\nnext: 1\n"),
                Arguments.of("a block replaced by a flow value keeps the comments that were inside it",
                        "listeners:\n  # the plain one\n  - port: 8008\n    # behind a proxy\n    tls: false\nafter: 1\n",
                        "listeners: []\n", "listeners: []\n  # the plain one\n    # behind a proxy\nafter: 1\n"),
                Arguments.of("new nested keys take the original's indentation, not the fragment's",
                        "database:\n    name: sqlite3\n    args:\n        database: /var/lib/db\n# the end\n",
                        "database:\n  args:\n    user: synapse\n    cp_max: 10\n",
                        "database:\n    name: sqlite3\n    args:\n        database: /var/lib/db\n        user: synapse\n"
                                + "        cp_max: 10\n# the end\n"),
                Arguments.of("a new key brings the comments just above it in the fragment",
                        "a: 1\n", "# the search\nuser_directory:\n  enabled: true\n",
                        "a: 1\n# the search\nuser_directory:\n  enabled: true\n"),
                Arguments.of("prose right after a commented example is not taken for its children",
                        "a: 1\n#event_cache_size: 10K\n# Note: a larger cache uses more memory\n#  nested: no\nb: 2\n",
                        "event_cache_size: 20K\n",
                        "a: 1\n#event_cache_size: 10K\nevent_cache_size: 20K\n# Note: a larger cache uses more memory\n"
                                + "#  nested: no\nb: 2\n"),
                // inserting at column 0 after "#c: 3" would end a's block early and orphan "  d: 2"
                Arguments.of("a commented example inside another entry's block is not used",
                        "a:\n  b: 1\n#c: 3\n  d: 2\ne: 4\n", "c: 3\n", "a:\n  b: 1\n#c: 3\n  d: 2\ne: 4\nc: 3\n"),
                Arguments.of("windows line endings stay windows line endings",
                        "a: 1\r\n# keep me\r\nb:\r\n  c: 2\r\n", "b:\n  d: 3\ne: 5\n",
                        "a: 1\r\n# keep me\r\nb:\r\n  c: 2\r\n  d: 3\r\ne: 5\r\n"),
                Arguments.of("a file without a final newline gets the new key on its own line, and still none",
                        "a: 1", "b: 2\n", "a: 1\nb: 2"),
                Arguments.of("a file of comments only gets the fragment after them",
                        "# only a comment\n", "b: 2", "# only a comment\nb: 2\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void mergeRule(String rule, String original, String fragment, String expected) {
        String merged = YamlMerge.merge(original, fragment);

        assertEquals(expected, merged, rule);
        assertEquals(deepMerge(load(original), load(fragment)), load(merged), "the data of a deep merge");
    }

    @Test
    void badYamlIsOneLineNamingFileAndLine() {
        BadInput bad = assertThrows(BadInput.class,
                () -> YamlMerge.merge("a: 1\n", "guide.rst:253", "listeners:\n  - port: [1\n", "guide.rst:253"));
        assertTrue(bad.getMessage().startsWith("guide.rst:253:"), bad.getMessage());
        assertTrue(bad.getMessage().contains("not valid YAML"), bad.getMessage());
        assertEquals(1, bad.getMessage().lines().count());

        BadInput list = assertThrows(BadInput.class, () -> YamlMerge.merge("a: 1\n", "- a\n- b\n"));
        assertEquals("the fragment:1: a fragment to merge must be a block mapping of keys", list.getMessage());

        BadInput top = assertThrows(BadInput.class, () -> YamlMerge.merge("- a\n", "a: 1\n"));
        assertTrue(top.getMessage().startsWith("the file:1: "), top.getMessage());
    }

    // --- what the assertions compare ---

    private static void assertSameData(String original, String merged) {
        Object expected = load(original);
        for (String fragment : seedFragments()) {
            expected = deepMerge(expected, load(fragment));
        }
        assertEquals(expected, load(merged), "the merged file holds the original's data with the fragments merged in");
    }

    private static Object load(String yaml) {
        return new Yaml(new LoaderOptions()).load(yaml);
    }

    /** What merging means, on loaded data: mappings merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Object deepMerge(Object into, Object from) {
        if (!(into instanceof Map<?, ?> base) || !(from instanceof Map<?, ?> add)) {
            return from;
        }
        Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) base);
        add.forEach((k, v) -> merged.put(k, merged.containsKey(k) ? deepMerge(merged.get(k), v) : v));
        return merged;
    }

    private static List<String> comments(String yaml) {
        return yaml.lines().filter(l -> l.strip().startsWith("#")).toList();
    }

    /**
     * Every original line the merge removed or changed is one of {@code replaced} (1-based), and every line it added
     * is a line of one of the fragments.
     */
    private static void assertOnlyLinesChanged(String original, String merged, Set<Integer> replaced) {
        Set<String> fragmentLines = seedFragments().stream().flatMap(String::lines).map(String::strip)
                .collect(Collectors.toSet());
        List<Integer> touched = new ArrayList<>();
        Patch<String> patch = DiffUtils.diff(original.lines().toList(), merged.lines().toList());
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (int i = 0; i < delta.getSource().size(); i++) {
                touched.add(delta.getSource().getPosition() + i + 1);
            }
            for (String added : delta.getTarget().getLines()) {
                assertTrue(fragmentLines.contains(added.strip()), "added line not from a fragment: " + added);
            }
        }
        assertTrue(replaced.containsAll(touched), "changed lines " + touched + " outside " + replaced);
    }

    private static int changedLines(String original, String merged) {
        return DiffUtils.diff(original.lines().toList(), merged.lines().toList()).getDeltas().stream()
                .mapToInt(d -> d.getTarget().size()).sum();
    }
}
