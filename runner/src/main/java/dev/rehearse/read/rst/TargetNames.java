package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link names a document defines and what a reference to each finds, resolved as docutils resolves them
 * ({@code document.nameids}): an explicit target beats a section title, two section titles or two explicit targets
 * with different destinations leave the name ambiguous (a reference to it is an error), the same destination twice
 * is fine.
 */
final class TargetNames {

    private record Entry(boolean explicit, boolean ambiguous, String uri, Memo.Position at) {
    }

    /** An explicit target defined again with another destination. */
    record Redefinition(String name, Memo.Position first, Memo.Position again) {
    }

    private final Map<String, Entry> names = new HashMap<>();
    private final Set<String> explicitNames = new HashSet<>();
    final List<Redefinition> redefinitions = new ArrayList<>();

    /** A section title's name. */
    void implicit(String name, Memo.Position at) {
        if (name == null || name.isEmpty()) {
            return;
        }
        Entry old = names.get(name);
        if (old == null) {
            names.put(name, new Entry(false, false, null, at));
        } else if (!old.explicit()) {
            names.put(name, new Entry(false, true, null, old.at()));
        }
    }

    /** An explicit target's name; {@code uri} its destination, null when it has none. */
    void explicit(String name, Memo.Position at, String uri) {
        if (name == null || name.isEmpty()) {
            return;
        }
        explicitNames.add(name);
        Entry old = names.get(name);
        if (old == null || !old.explicit()) {
            names.put(name, new Entry(true, false, uri, at));
            return;
        }
        if (old.ambiguous() || uri == null || !uri.equals(old.uri())) {
            redefinitions.add(new Redefinition(name, old.at(), at));
            names.put(name, new Entry(true, true, null, old.at()));
        }
    }

    boolean defined(String name) {
        return names.containsKey(name);
    }

    /** Defined more than once in a way that leaves a reference nowhere to go. */
    boolean ambiguous(String name) {
        Entry e = names.get(name);
        return e != null && e.ambiguous();
    }

    /** A reference to this name finds a target. */
    boolean resolves(String name) {
        Entry e = names.get(name);
        return e != null && !e.ambiguous();
    }

    /** Labels for {@code :ref:}: the explicit targets. */
    boolean isLabel(String name) {
        return explicitNames.contains(name);
    }
}
