package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.cli.args.Parameter;
import dev.rehearse.guide.BadInput;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.targets.TargetOption;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.Targets;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every command that runs a runbook takes ({@code run}, {@code update}, {@code matrix}, {@code runs}): the
 * runbook, where it runs ({@code --target} and the options of every {@link TargetProvider}, so that a new kind of
 * target brings its own options without a change here), with which bindings.
 */
final class TargetChoice {
    private static final String TARGET = "--target";

    static final Parameter<Path> RUNBOOK = Parameter.one("RUNBOOK",
            "a runbook folder, its runbook.yaml, or a guide file", Option.PATH);

    static final Option<List<String>> BIND = Option.list("--bind", "NAME=VALUE",
            "set a sidecar variable, or bind an example value");

    private TargetChoice() {
    }

    /** {@code --target}, {@code --bind} and the options of every kind of target. */
    static List<Option<?>> options() {
        List<TargetProvider> providers = Targets.providers();
        List<Option<?>> options = new ArrayList<>();
        options.add(Option.value(TARGET, "SPEC", "where to run: " + String.join("; ", providers.stream()
                .map(p -> String.join(", ", p.forms()) + " (" + p.summary() + ")").toList())
                + "; default: the sidecar's target, else local"));
        options.add(BIND);
        for (TargetProvider provider : providers) {
            for (TargetOption option : provider.options()) {
                options.add(option.isFlag() ? Option.flag(option.name(), option.description())
                        : Option.value(option.name(), option.paramLabel(), option.description()));
            }
        }
        return options;
    }

    /**
     * The rehearsal these options describe: all steps, stopping at the first FAIL, the target removed at the end;
     * the commands adjust it with their own options. A target's one-line notices (a host key recorded by
     * --accept-new) go to {@code notices}.
     */
    static Rehearsal rehearsal(Arguments given, PrintWriter notices) {
        TargetOptions options = TargetOptions.defaults().withNotices(notices::println);
        for (TargetProvider provider : Targets.providers()) {
            for (TargetOption option : provider.options()) {
                Object value = given.value(option.name());
                if (value != null && !Boolean.FALSE.equals(value)) {
                    options = options.with(option.name(), value.toString());
                }
            }
        }
        if (target(given) != null) {
            // a sidecar's target is known later, and runs of a folder may each name another kind
            Targets.checkOptions(target(given), options);
        }
        return Rehearsal.defaults().withTarget(target(given)).withBinds(overrides(given.get(BIND)))
                .withTargetOptions(options);
    }

    /** The {@code --target} given, or null. */
    static String target(Arguments given) {
        return (String) given.value(TARGET);
    }

    /** {@code --bind k=v} options as a map; a malformed one is bad input. */
    static Map<String, String> overrides(List<String> binds) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String bind : binds) {
            int eq = bind.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--bind " + bind, 0, "expected NAME=VALUE");
            }
            overrides.put(bind.substring(0, eq), bind.substring(eq + 1));
        }
        return overrides;
    }
}
