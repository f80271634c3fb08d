package dev.rehearse.model;

import java.util.Map;

/**
 * What a target is, as the guide's example values see it: {@code isabell} binds to {@code user},
 * {@code stardust} to {@code host}, {@code /home/isabell} to {@code home}, {@code my.domain.name} to {@code domain}.
 *
 * @param more further facts a target knows of itself, by name (an image's {@code dev.rehearse.fact.NAME} labels:
 *             the Synapse version the stardust-real host holds), for the sidecar's variables to follow
 */
public record TargetFacts(String user, String host, String home, String domain, Map<String, String> more) {

    public TargetFacts {
        more = Map.copyOf(more);
    }

    /** A target with the four usual facts only. */
    public TargetFacts(String user, String host, String home, String domain) {
        this(user, host, home, domain, Map.of());
    }
}
