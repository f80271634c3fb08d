package dev.rehearse.layering;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pipeline as layers of stages (a stage is a top-level package with its sub-packages). A stage may use only
 * stages of a lower layer; two stages of one layer know nothing of each other. The data the stages share lives at
 * the bottom ({@code model}, {@code guide}); the targets sit below the planner (and so below run) and know nothing of
 * how guides are read, bound or planned. {@code guide} is low because it is data (the blocks a reader found) and
 * {@code BadInput}, which every stage throws.
 * <p>
 * The data flows read, plan, run, check, report, but {@code check} and {@code report} sit below {@code run}: the
 * runner judges each step as it ends, and what it does next depends on the verdict (a FAIL stops the run unless
 * {@code --keep-going}; the readiness wait and the sidecar's checks follow only a step that did not fail; the live
 * progress shows it), and it writes the record as it goes (a killed run leaves its report; a resumed run reads the
 * values earlier runs captured from their reports). So run calls both, and neither knows of run. A package above all
 * three would have to take the step loop, with its stop and its record, out of run, for no gain in reading.
 * <p>
 * Inside a stage, no two packages use each other either ({@link #cycles}): a stage that dispatches to its
 * sub-packages keeps what they share in one of its own below them ({@code read.common}).
 */
final class Layers {
    /** lowest first */
    static final List<List<String>> PIPELINE = List.of(
            List.of("model", "terminal"),
            List.of("guide"),
            List.of("files"),
            List.of("read", "bind", "targets"),
            List.of("plan"),
            List.of("lint"),
            List.of("check"),
            List.of("report"),
            List.of("run"),
            List.of("update", "matrix", "engine"),
            List.of("cli"));

    private Layers() {
    }

    static String stageOf(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    static int layerOf(String stage) {
        for (int i = 0; i < PIPELINE.size(); i++) {
            if (PIPELINE.get(i).contains(stage)) {
                return i;
            }
        }
        return -1;
    }

    /** Every use of a stage that is not below the user, as {@code from -> to}; empty when the layering holds. */
    static List<String> violations(Map<String, Set<String>> graph) {
        List<String> wrong = new ArrayList<>();
        graph.forEach((from, uses) -> {
            for (String to : uses) {
                String a = stageOf(from);
                String b = stageOf(to);
                if (a.equals(b)) {
                    continue;
                }
                int la = layerOf(a);
                int lb = layerOf(b);
                if (la < 0 || lb < 0) {
                    wrong.add(from + " -> " + to + " (a stage the layering does not place)");
                } else if (lb >= la) {
                    wrong.add(from + " -> " + to + (lb == la ? " (same layer)" : " (upward)"));
                }
            }
        });
        return wrong;
    }

    /** The groups of packages that use each other in a circle (Tarjan's strongly connected components). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
