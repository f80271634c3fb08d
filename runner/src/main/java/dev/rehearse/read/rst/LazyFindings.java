package dev.rehearse.read.rst;

import dev.rehearse.guide.Finding;

import java.util.AbstractList;
import java.util.List;

/**
 * A guide's structural findings, worked out the first time anyone looks at them. {@code blocks} never does, and the
 * lint's look at the whole source root (every neighbouring guide read for its {@code :ref:} labels) would otherwise
 * read the corpus a second time on every {@code blocks} run.
 */
final class LazyFindings extends AbstractList<Finding> {

    private Memo memo;
    private List<Finding> findings;

    LazyFindings(Memo memo) {
        this.memo = memo;
    }

    private synchronized List<Finding> findings() {
        if (findings == null) {
            findings = List.copyOf(StructuralLint.findings(memo));
            memo = null; // the parse is no longer needed: let it go
        }
        return findings;
    }

    @Override
    public Finding get(int index) {
        return findings().get(index);
    }

    @Override
    public int size() {
        return findings().size();
    }
}
