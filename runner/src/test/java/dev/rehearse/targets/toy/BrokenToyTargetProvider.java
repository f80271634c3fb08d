package dev.rehearse.targets.toy;

import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;

import java.util.List;

/** {@code toy-broken}: the toy target with a defect in its file writing, to see how an internal error is told. */
public final class BrokenToyTargetProvider implements TargetProvider {

    @Override
    public String scheme() {
        return "toy-broken";
    }

    @Override
    public List<String> forms() {
        return List.of("toy-broken");
    }

    @Override
    public String summary() {
        return "the toy target, whose file writing has a defect";
    }

    @Override
    public Target open(String spec, TargetOptions options) {
        return new ToyTarget("player") {
            @Override
            public void writeFile(String path, String content) {
                String missing = null;
                files().put(path, missing.strip()); // the defect: a NullPointerException without a message
            }
        };
    }
}
