package dev.rehearse.run;

import dev.rehearse.targets.Target;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a FAIL's output shows the target lacks, where the target knows why and what gives it: a network (a container
 * on none), a program (one its image does not hold).
 */
final class TargetGaps {
    /**
     * What programs print when they cannot reach the network: a name lookup or a route that fails, as curl, wget,
     * git, pip, npm, gem, composer and Go word it, and pip's finding nothing where it has no index to reach.
     * Connections refused are not among them: a server of the guide's on the target's own loopback may just not be
     * up yet.
     */
    private static final Pattern OFFLINE = Pattern.compile("(?i)could ?n[o']t resolve|unable to resolve host"
            + "|temporary failure (?:in name resolution|resolving)|name or service not known|nodename nor servname"
            + "|network is unreachable|no route to host|getaddrinfo|\\bENOTFOUND\\b|\\bEAI_AGAIN\\b|\\bENETUNREACH\\b"
            + "|failed to establish a new connection|failed to open TCP connection|\\bno such host\\b"
            + "|dial tcp: lookup|UnknownHostException"
            // pip with no index to reach (the stardust host's without a network) finds only its package folder's
            + "|No matching distribution found");
    /**
     * bash's word for a program it finds nowhere on the PATH ({@code bash: git: command not found}), and
     * supervisord's for a service's ({@code influxd  FATAL  can't find command 'influxd'})
     */
    private static final Pattern NOT_FOUND = Pattern.compile("(?m)^bash: (?:line \\d+: )?([\\w.+-]+): command not "
            + "found$|can't find command '(?:[^'\\s]*/)?([\\w.+-]+)'");

    private TargetGaps() {
    }

    /** What the FAIL's reason adds: why the target lacks it and what gives it one; empty where nothing is told. */
    static String told(Target target, String output) {
        // the target is asked first: the output, up to what a step keeps, is looked through only where it would tell
        Optional<String> why = target.withoutNetwork().filter(w -> showsNoNetwork(output));
        return why.or(() -> missingProgram(output).flatMap(target::withoutProgram)).map(w -> "; " + w).orElse("");
    }

    /** Whether the output shows a program that could not reach the network. */
    static boolean showsNoNetwork(String output) {
        return OFFLINE.matcher(output).find();
    }

    /** The first program bash found nowhere, if any. */
    static Optional<String> missingProgram(String output) {
        Matcher m = NOT_FOUND.matcher(output);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }
}
