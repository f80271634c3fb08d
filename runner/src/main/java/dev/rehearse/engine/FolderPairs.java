package dev.rehearse.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a folder run: every runbook once, or with {@code --vary NAME=V1,V2,...} every runbook under every
 * value, one run a pair. A pair's reports go to a folder named after it, {@code RUNBOOK[NAME=V]} (or {@code RUNBOOK}),
 * the name its junit.xml suites get in the joined junit.xml.
 *
 * @param runbooks every runbook of the folder, sorted by name
 * @param variable the variable {@code --vary} names, or null
 * @param values   its values in the order {@code --vary} gave them; empty without {@code --vary}
 */
public record FolderPairs(List<String> runbooks, String variable, List<String> values) {

    /** One run: a runbook, and the value its variable is bound to (null without {@code --vary}). */
    public record Pair(String runbook, String value) {
    }

    public FolderPairs {
        runbooks = List.copyOf(runbooks);
        values = List.copyOf(values);
    }

    /** Every pair: the runbooks in name order, each under every value in the order given. */
    public List<Pair> all() {
        List<Pair> pairs = new ArrayList<>();
        runbooks.forEach(runbook -> pairs.addAll(of(runbook)));
        return pairs;
    }

    /** One runbook's pairs, one per value in the order given (its row on the page). */
    public List<Pair> of(String runbook) {
        return variable == null ? List.of(new Pair(runbook, null))
                : values.stream().map(value -> new Pair(runbook, value)).toList();
    }

    /** The pair's report folder, and how progress lines and junit.xml name it: {@code RUNBOOK[NAME=V]}. */
    public String label(Pair pair) {
        return pair.value() == null ? pair.runbook() : pair.runbook() + "[" + binding(pair) + "]";
    }

    /** What the pair binds, {@code NAME=V}, or null without {@code --vary}. */
    public String binding(Pair pair) {
        return pair.value() == null ? null : variable + "=" + pair.value();
    }

    /**
     * What a pair is dealt to its shard by: the runbook, then the value. Not the label, which would sort
     * {@code a-b[...]} before {@code a[...]}; a name holds no NUL, so it parts them below every other character.
     */
    public static String order(Pair pair) {
        return pair.value() == null ? pair.runbook() : pair.runbook() + '\0' + pair.value();
    }
}
