package dev.rehearse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options in {@code --help} under headings (which steps, where, ssh, reports, output) instead of one
 * alphabetical list where ssh-only options sit between the everyday ones. An option no heading names goes under
 * "Other options", so a new option is never left out of the help.
 */
final class GroupedOptions implements CommandLine.IHelpSectionRenderer {
    private final Map<String, List<String>> groups;

    /** @param groups heading -> the options under it (by any of their names), in the order shown */
    private GroupedOptions(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    /** Shows {@code command}'s options under these headings. */
    static void install(CommandLine command, Map<String, List<String>> groups) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                new GroupedOptions(groups));
        command.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
    }

    @Override
    public String render(Help help) {
        List<OptionSpec> left = new ArrayList<>(help.commandSpec().options());
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<OptionSpec> members = new ArrayList<>();
            for (String name : group.getValue()) {
                OptionSpec option = help.commandSpec().findOption(name);
                if (option != null && left.remove(option)) {
                    members.add(option);
                }
            }
            section(text, help, group.getKey(), members);
        }
        section(text, help, "Other options", left);
        return text.toString();
    }

    private static void section(StringBuilder text, Help help, String heading, List<OptionSpec> options) {
        if (options.isEmpty()) {
            return;
        }
        Help.Layout layout = help.createDefaultLayout();
        for (OptionSpec option : options) {
            layout.addOption(option, help.parameterLabelRenderer());
        }
        text.append(String.format("%n%s:%n", heading)).append(layout);
    }

    /** {@code run}'s headings. */
    static Map<String, List<String>> ofRun() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Which steps", List.of("--from", "--only", "--keep-going"));
        groups.put("Where and with which values", List.of("--target", "--bind", "--keep", "--timeout"));
        groups.put("ssh (with --target ssh://...)", List.of("--identity", "--known-hosts", "--ssh-config",
                "--accept-new"));
        groups.put("Reports", List.of("--report-dir", "--strict"));
        groups.put("Output", List.of("--verbose", "--quiet", "--help", "--version"));
        return groups;
    }
}
