package dev.rehearse.run;

import dev.rehearse.targets.Target;

import java.util.regex.Pattern;

/**
 * What programs print when they cannot reach the network: a name lookup or a route that fails, as curl, wget, git,
 * pip, npm, gem, composer and Go word it, and pip's finding nothing where it has no index to reach. Connections
 * refused are not among them: a server of the guide's on the target's own loopback may just not be up yet.
 */
final class NetworkFailure {
    private static final Pattern SAID = Pattern.compile("(?i)could ?n[o']t resolve|unable to resolve host"
            + "|temporary failure (?:in name resolution|resolving)|name or service not known|nodename nor servname"
            + "|network is unreachable|no route to host|getaddrinfo|\\bENOTFOUND\\b|\\bEAI_AGAIN\\b|\\bENETUNREACH\\b"
            + "|failed to establish a new connection|failed to open TCP connection|\\bno such host\\b"
            + "|dial tcp: lookup|UnknownHostException"
            // pip with no index to reach (the stardust host's without a network) finds only its package folder's
            + "|No matching distribution found");

    private NetworkFailure() {
    }

    /**
     * What a FAIL's reason adds where the target has no network and the output shows the network missing: why, and
     * what gives it one; empty otherwise.
     */
    static String told(Target target, String output) {
        return target.withoutNetwork().filter(why -> shows(output)).map(why -> "; " + why).orElse("");
    }

    /** Whether the output shows a program that could not reach the network. */
    static boolean shows(String output) {
        return SAID.matcher(output).find();
    }
}
