package dev.rehearse.targets.toy;

import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOption;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;

import java.util.List;

/**
 * {@code toy}: the smallest kind of target, added from the test class path by one line in
 * {@code META-INF/services/dev.rehearse.targets.TargetProvider} (docs/adding-a-target.md walks through it).
 */
public final class ToyTargetProvider implements TargetProvider {
    static final String USER = "--toy-user";

    @Override
    public String scheme() {
        return "toy";
    }

    @Override
    public List<String> forms() {
        return List.of("toy");
    }

    @Override
    public String summary() {
        return "a pretend host whose shell knows echo, cat, cd and whoami";
    }

    @Override
    public List<TargetOption> options() {
        return List.of(new TargetOption(USER, "NAME", "toy: the user the pretend host logs in as (default: player)"));
    }

    @Override
    public Target open(String spec, TargetOptions options) {
        String user = options.value(USER) != null ? options.value(USER) : "player";
        return new ToyTarget(user);
    }
}
