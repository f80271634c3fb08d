package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.run.Rehearsal;
import dev.rehearse.targets.TargetOption;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every command that runs a runbook takes (a picocli mixin of {@code run}, {@code update}, {@code matrix}):
 * the runbook, where it runs (the options of every {@link TargetProvider}), with which bindings.
 */
final class TargetChoice {
    private static final String TARGET = "--target";

    @Parameters(paramLabel = "RUNBOOK", description = "a runbook folder, its runbook.yaml, or a guide file")
    Path runbook;

    @Option(names = "--bind", paramLabel = "NAME=VALUE", description = "set a sidecar variable, or bind an example value")
    List<String> binds = List.of();

    /** the command this is mixed into: the target options are added to it (see {@link #addTargetOptions}) */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The rehearsal these options describe: all steps, stopping at the first FAIL, the target removed at the end;
     * the commands adjust it with their own options. A target's one-line notices (a host key recorded by
     * --accept-new) go to the command's error stream.
     */
    Rehearsal rehearsal() {
        TargetOptions options = TargetOptions.defaults().withNotices(command.commandLine().getErr()::println);
        for (TargetProvider provider : Targets.providers()) {
            for (TargetOption option : provider.options()) {
                Object value = command.findOption(option.name()).getValue();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    options = options.with(option.name(), value.toString());
                }
            }
        }
        return Rehearsal.defaults().withTarget(target()).withBinds(overrides(binds))
                .withTargetOptions(options);
    }

    /** The {@code --target} given, or null. */
    String target() {
        return command.findOption(TARGET).getValue();
    }

    /**
     * Adds {@code --target} and the options of every {@link TargetProvider} to the commands that take a target, so
     * that a new kind of target brings its own options without a change here.
     */
    static void addTargetOptions(CommandLine cli) {
        List<TargetProvider> providers = Targets.providers();
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (!spec.mixins().values().stream().anyMatch(mixin -> mixin.userObject() instanceof TargetChoice)) {
                continue;
            }
            spec.addOption(OptionSpec.builder(TARGET).paramLabel("SPEC").type(String.class)
                    .description("where to run: " + String.join("; ", providers.stream()
                            .map(p -> String.join(", ", p.forms()) + " (" + p.summary() + ")").toList())
                            + "; default: the sidecar's target, else local").build());
            for (TargetProvider provider : providers) {
                for (TargetOption option : provider.options()) {
                    spec.addOption(option.isFlag()
                            ? OptionSpec.builder(option.name()).type(boolean.class).arity("0")
                            .description(option.description()).build()
                            : OptionSpec.builder(option.name()).paramLabel(option.paramLabel()).type(String.class)
                            .description(option.description()).build());
                }
            }
        }
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
