package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Tab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tab of each set a run follows, as a reader follows one: the first whose label names a Linux system or a
 * shell (the targets Rehearse runs on are), else the first. The blocks of the other tabs are no steps: running
 * "brew install" after "apt install" would fail the guide for offering a choice.
 */
final class TabChoice {
    private static final Pattern OURS = Pattern.compile(
            "(?i)\\b(linux|debian|ubuntu|unix|posix|bash|shell|sh|apt|deb)\\b");

    /** per set (its file and line): the label followed */
    private final Map<String, String> followed = new HashMap<>();

    private TabChoice() {
    }

    static TabChoice of(List<Block> blocks) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (Block block : blocks) {
            for (Tab tab : Tab.of(block)) {
                labels.computeIfAbsent(key(block, tab), k -> new LinkedHashSet<>()).add(tab.label());
            }
        }
        TabChoice choice = new TabChoice();
        labels.forEach((set, shown) -> {
            List<String> inOrder = new ArrayList<>(shown);
            choice.followed.put(set, inOrder.stream().filter(l -> OURS.matcher(l).find()).findFirst()
                    .orElse(inOrder.get(0)));
        });
        return choice;
    }

    /** Why the block is no step, if it stands in a tab the run does not follow. */
    Optional<String> notFollowed(Block block) {
        for (Tab tab : Tab.of(block)) {
            String label = followed.get(key(block, tab));
            if (!tab.label().equals(label)) {
                return Optional.of(NotAStep.IN_ANOTHER_TAB + "\"" + tab.label() + "\" of the tabs at line " + tab.set()
                        + ", where the run follows \"" + label + "\"");
            }
        }
        return Optional.empty();
    }

    private static String key(Block block, Tab tab) {
        return block.source() + ":" + tab.set();
    }
}
