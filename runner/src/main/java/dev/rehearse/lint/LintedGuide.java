package dev.rehearse.lint;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.Transcript;
import dev.rehearse.plan.TranscriptCommand;
import dev.rehearse.plan.TranscriptReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guide as the lint rules see it: its blocks, the sessions among them read once, and whose account the
 * guide's prompts show (the most frequent {@code user@host}; {@code isabell@stardust} when it shows none).
 */
public final class LintedGuide {

    /** A block that reads as a terminal session, with its transcript. */
    public record Session(Block block, Transcript transcript) {
    }

    /** One prompt of a session, empty ones included, with the block it stands in. */
    public record Prompt(Block block, TranscriptCommand entry) {
    }

    private final Guide guide;
    private final List<Session> sessions = new ArrayList<>();
    private final String user;
    private final String host;
    /** whether a prompt shows the guide's user, or it is the example user by default */
    private final boolean userShown;

    public LintedGuide(Guide guide) {
        this.guide = guide;
        TranscriptReader reader = TranscriptReader.plain();
        Map<String, Integer> accounts = new LinkedHashMap<>();
        for (Block block : guide.blocks()) {
            Optional<Transcript> t = reader.read(block.lines(), block.contentLine(), block.language());
            if (t.isPresent()) {
                sessions.add(new Session(block, t.get()));
                for (TranscriptCommand c : t.get().entries()) {
                    ShellPrompt p = c.prompt();
                    if (p.user() != null && p.host() != null) {
                        accounts.merge(p.user() + "@" + p.host(), 1, Integer::sum);
                    }
                }
            }
        }
        userShown = !accounts.isEmpty();
        String own = accounts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse("isabell@stardust");
        this.user = own.substring(0, own.indexOf('@'));
        this.host = own.substring(own.indexOf('@') + 1);
    }

    private Optional<Plan> plan;

    /** The guide's plan (with the sidecar beside it, if any), made once; empty when the runbook is broken. */
    public synchronized Optional<Plan> plan() {
        if (plan == null) {
            plan = PlannedGuide.of(guide());
        }
        return plan;
    }

    public Guide guide() {
        return guide;
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** Every prompt of every session, in guide order. */
    public List<Prompt> prompts() {
        return sessions.stream().flatMap(s -> s.transcript().entries().stream().map(e -> new Prompt(s.block(), e))).toList();
    }

    /** The user the guide's own prompts show; isabell, the example user, where none shows one. */
    public String user() {
        return user;
    }

    /** Whether a prompt of the guide shows its user ({@link #user()} is then not the default). */
    public boolean userShown() {
        return userShown;
    }

    /** The host the guide's own prompts show. */
    public String host() {
        return host;
    }
}
