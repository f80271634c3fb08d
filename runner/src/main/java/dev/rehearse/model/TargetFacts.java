package dev.rehearse.model;

/**
 * What a target is, as the guide's example values see it: {@code isabell} binds to {@code user},
 * {@code stardust} to {@code host}, {@code /home/isabell} to {@code home}, {@code my.domain.name} to {@code domain}.
 */
public record TargetFacts(String user, String host, String home, String domain) {
}
