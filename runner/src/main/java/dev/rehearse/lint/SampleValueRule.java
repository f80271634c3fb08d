package dev.rehearse.lint;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.SampleTokens;
import dev.rehearse.plan.TranscriptCommand;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample value spelled differently where the guide reuses it: {@code uberspace port add} shows port 40132 and
 * the config then names 40312. A value shown in output that nothing later uses as such, and a later token of the
 * same shape one typo away (a swap, a wrong or missing character) that no output shows, are taken for one value
 * misspelled. Placeholders in angle brackets ({@code <my super secure password>}) spelled two ways are the
 * same mistake.
 */
final class SampleValueRule implements LintRule {
    /** {@code <a placeholder>}; one that also closes ({@code </name>}) somewhere is a markup tag instead */
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^</>\\s][^<>]{3,})>");
    private static final DamerauLevenshteinDistance TYPOS = new DamerauLevenshteinDistance();

    @Override
    public String name() {
        return "sample-value";
    }

    /** Where a token stands. */
    private record Place(String source, int line, int order) {
        String where() {
            return source + ":" + line;
        }
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        Map<String, Place> shown = new LinkedHashMap<>();
        // a block's place by identity: a block is a record, and equals compares all it holds
        Map<Block, Integer> orderOf = new IdentityHashMap<>();
        List<Block> all = guide.guide().blocks();
        for (int b = all.size() - 1; b >= 0; b--) {
            orderOf.put(all.get(b), b);
        }
        for (LintedGuide.Session s : guide.sessions()) {
            int order = orderOf.get(s.block());
            for (TranscriptCommand c : s.transcript().entries()) {
                for (ExpectedLine e : c.expected()) {
                    if (e.kind() != ExpectedLine.Kind.OUTPUT) {
                        continue;
                    }
                    for (SampleTokens.Token t : SampleTokens.in(e.text())) {
                        if (SampleTokens.isDistinctive(t.text())) {
                            shown.putIfAbsent(t.text(), new Place(s.block().source(), e.sourceLine(), order));
                        }
                    }
                }
            }
        }
        Map<String, List<Place>> used = new LinkedHashMap<>();
        Map<String, List<Place>> placeholders = new LinkedHashMap<>();
        List<Block> blocks = guide.guide().blocks();
        for (int b = 0; b < blocks.size(); b++) {
            List<String> lines = blocks.get(b).lines();
            for (int k = 0; k < lines.size(); k++) {
                Place at = new Place(blocks.get(b).source(), blocks.get(b).contentLine() + k, b);
                for (SampleTokens.Token t : SampleTokens.in(lines.get(k))) {
                    used.computeIfAbsent(t.text(), x -> new ArrayList<>()).add(at);
                }
                Matcher m = PLACEHOLDER.matcher(lines.get(k));
                while (m.find()) {
                    if (!blocks.get(b).text().contains("</" + m.group(1).split("\\s")[0] + ">")) {
                        placeholders.computeIfAbsent(m.group(), x -> new ArrayList<>()).add(at);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        // what may be a misspelling of a shown value: a distinctive token no output shows
        Map<String, List<Place>> unshown = new LinkedHashMap<>();
        used.forEach((token, places) -> {
            if (!shown.containsKey(token) && SampleTokens.isDistinctive(token)) {
                unshown.put(token, places);
            }
        });
        shown.forEach((value, definedAt) -> {
            boolean reusedAsIs = used.getOrDefault(value, List.of()).stream().anyMatch(p -> p.order() > definedAt.order());
            if (reusedAsIs) {
                return;
            }
            unshown.forEach((token, places) -> {
                if (!oneTypoApart(value, token)) {
                    return;
                }
                places.stream().filter(p -> p.order() > definedAt.order()).forEach(p -> {
                    if (reported.add(token + "@" + p.where())) {
                        findings.add(finding(p, token + " looks like a misspelling of " + value + ", which "
                                + definedAt.where() + " shows"));
                    }
                });
            });
        });
        List<String> names = new ArrayList<>(placeholders.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String b = names.get(j);
                if (oneTypoApart(a, b) && !numbered(a, b)) {
                    String rarer = placeholders.get(a).size() < placeholders.get(b).size() ? a : b;
                    String other = rarer.equals(a) ? b : a;
                    for (Place p : placeholders.get(rarer)) {
                        findings.add(finding(p, rarer + " looks like a misspelling of " + other + ", which "
                                + placeholders.get(other).get(0).where() + " shows"));
                    }
                }
            }
        }
        return findings;
    }

    private Finding finding(Place at, String message) {
        return finding(at.source(), at.line(), Finding.Level.ERROR, message);
    }

    /**
     * Same shape (length within one, letters where letters are) and one edit apart, a swap of neighbours counting
     * as one: 40132 and 40312, {@code <passwort>} and {@code <password>}.
     */
    static boolean oneTypoApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1 || a.length() < 4) {
            return false;
        }
        if (a.chars().allMatch(Character::isDigit) != b.chars().allMatch(Character::isDigit)) {
            return false;
        }
        // insertions, deletions, substitutions and swaps of neighbours (40132 and 40312)
        return TYPOS.apply(a, b) == 1;
    }

    /** {@code <high-port1>} and {@code <high-port2>}: a numbered series, not a misspelling. */
    private static boolean numbered(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(i));
            }
        }
        return false;
    }
}
