package dev.rehearse.targets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Options of {@link Targets#open} that do not fit in the spec string. Immutable; start from
 * {@link #defaults()} and add with the {@code with...} methods.
 *
 * @param keep    leave what the target made for the run (sandbox, user, container) in place at close
 * @param values  the values of the providers' {@link TargetProvider#options()} that were given, by option name
 * @param notices where a target says something worth a line while it opens (a host key recorded)
 * @param stamp   the run's stamp, put on what the target makes (container labels, the run user's comment)
 * @param stop    the run's stop while the target opens: what the opening waits on registers how to cut it short
 */
public record TargetOptions(boolean keep, Map<String, String> values, Consumer<String> notices, RunStamp stamp,
                            OpeningStop stop) {

    public TargetOptions {
        values = Map.copyOf(values);
    }

    public static TargetOptions defaults() {
        return new TargetOptions(false, Map.of(), System.err::println, RunStamp.next(), new OpeningStop());
    }

    public TargetOptions withKeep(boolean keep) {
        return new TargetOptions(keep, values, notices, stamp, stop);
    }

    /** With {@code option} set to {@code value} (a flag's value is {@code "true"}). */
    public TargetOptions with(String option, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(option, value);
        return new TargetOptions(keep, more, notices, stamp, stop);
    }

    public TargetOptions withNotices(Consumer<String> to) {
        return new TargetOptions(keep, values, to, stamp, stop);
    }

    public TargetOptions withStamp(RunStamp stamp) {
        return new TargetOptions(keep, values, notices, stamp, stop);
    }

    public TargetOptions withStop(OpeningStop stop) {
        return new TargetOptions(keep, values, notices, stamp, stop);
    }

    /** The value given for {@code option}, or null. */
    public String value(String option) {
        return values.get(option);
    }

    public boolean flag(String option) {
        return Boolean.parseBoolean(values.get(option));
    }
}
