package dev.rehearse.testing;

import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.Transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A target with no machine behind it, for fast tests of the runner: each session is a {@code ShellSession} over a
 * fresh {@link ScriptedTransport}, files live in a map.
 */
public final class ScriptedTarget extends ShellTarget {
    /** patient enough for a loaded machine, quick to notice an unanswered prompt */
    public static final ShellSettings SETTINGS = new ShellSettings("dumb", 160, 50, Duration.ofMillis(300),
            Duration.ofMillis(40), Duration.ofSeconds(10), Duration.ofSeconds(3));

    private final TargetFacts facts;
    private final Supplier<ScriptedTransport> shells;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<ScriptedTransport> opened = new ArrayList<>();
    private boolean closed;
    private Supplier<RuntimeException> writeFault;

    public ScriptedTarget(TargetFacts facts, Supplier<ScriptedTransport> shells) {
        this.facts = facts;
        this.shells = shells;
    }

    @Override
    public String describe() {
        return "scripted:" + facts.host();
    }

    @Override
    public TargetFacts facts() {
        return facts;
    }

    @Override
    protected Transport startShell() {
        ScriptedTransport shell = shells.get();
        opened.add(shell);
        return shell;
    }

    @Override
    protected ShellSettings shellSettings() {
        return SETTINGS;
    }

    /** The shells opened so far, oldest first. */
    public List<ScriptedTransport> shells() {
        return List.copyOf(opened);
    }

    /** Every line typed in every session, in order. */
    public List<String> typed() {
        return opened.stream().flatMap(shell -> shell.typed().stream()).toList();
    }

    public Map<String, String> files() {
        return files;
    }

    @Override
    public Optional<String> readFile(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Every later write throws what {@code fault} makes, as a target that cannot write (or has a defect) would. */
    public void failWrites(Supplier<RuntimeException> fault) {
        this.writeFault = fault;
    }

    @Override
    public void writeFile(String path, String content) {
        if (writeFault != null) {
            throw writeFault.get();
        }
        files.put(path, content);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closeSession();
        closed = true;
    }
}
