package dev.rehearse.engine;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.RunbookFolders;
import dev.rehearse.plan.Step;
import dev.rehearse.run.Rehearsal;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns selectors into runbooks and steps. Every route ends in a unique id, {@code [engine:rehearse]}, then
 * {@code [class:NAME]} for runbooks found through a {@link Runbooks @Runbooks} class, {@code [runbook:PATH]} and
 * {@code [step:N]}: a folder or a file selects the runbooks' ids, a class selects its own id with its runbooks' ids as
 * children, and an id is resolved segment by segment. Selecting a step's id makes its runbook a container of that
 * step only (JUnit resolves a parent without expanding it). Any other selector, and a class without the annotation,
 * is left to the other engines: this engine finds nothing unless asked for runbooks.
 */
final class RunbookResolver implements SelectorResolver {
    private final UniqueId engine;
    private final Rehearsal planning;
    private final Path baseDir;

    RunbookResolver(UniqueId engine, EngineSettings settings) {
        this.engine = engine;
        this.planning = settings.rehearsal();
        this.baseDir = settings.baseDir();
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return resolveClass(selector.getJavaClass(), context);
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path folder = selector.getPath();
        if (!Files.isDirectory(folder)) {
            return Resolution.unresolved();
        }
        return runbooksOf(engine, List.of(folder));
    }

    /**
     * A guide or a sidecar selects its runbook; a guide with a line (an IDE's "run at this line") the step there, the
     * last one starting at or before it (the whole runbook when the line comes before its first step).
     */
    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path file = selector.getPath();
        if (!RunbookFolders.isRunbookFile(file)) {
            return Resolution.unresolved();
        }
        UniqueId runbook = runbookId(engine, file);
        UniqueId selected = selector.getPosition()
                .flatMap(position -> context.resolve(DiscoverySelectors.selectUniqueId(runbook))
                        .filter(RunbookDescriptor.class::isInstance).map(RunbookDescriptor.class::cast)
                        .flatMap(r -> stepAt(r, file, position.getLine())))
                .map(step -> runbook.append(StepDescriptor.SEGMENT, Integer.toString(step.n())))
                .orElse(runbook);
        return Resolution.selectors(Set.of(DiscoverySelectors.selectUniqueId(selected)));
    }

    private static Optional<Step> stepAt(RunbookDescriptor runbook, Path file, int line) {
        Path wanted = file.toAbsolutePath().normalize();
        Path root = runbook.plan().guide().root();
        return runbook.plan().steps().stream()
                .filter(s -> root.resolve(s.source()).toAbsolutePath().normalize().equals(wanted))
                .filter(s -> s.line() <= line)
                .reduce((earlier, later) -> later);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(engine) || id.equals(engine)) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        return switch (last.getType()) {
            case RunbooksClassDescriptor.SEGMENT -> ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                    .map(c -> resolveClass(c, context)).orElse(Resolution.unresolved());
            case RunbookDescriptor.SEGMENT -> resolveRunbook(id, context);
            case StepDescriptor.SEGMENT -> resolveStep(id, context);
            default -> Resolution.unresolved();
        };
    }

    private Resolution resolveClass(Class<?> annotated, Context context) {
        Optional<Runbooks> runbooks = AnnotationSupport.findAnnotation(annotated, Runbooks.class);
        if (runbooks.isEmpty()) {
            return Resolution.unresolved();
        }
        List<Path> folders = List.of(runbooks.get().value()).stream().map(baseDir::resolve).toList();
        return context.addToParent(parent -> Optional.of(new RunbooksClassDescriptor(parent.getUniqueId(), annotated)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor,
                        () -> runbooksOf(descriptor.getUniqueId(), folders).getSelectors())))
                .orElse(Resolution.unresolved());
    }

    private Resolution resolveRunbook(UniqueId id, Context context) {
        Path runbook = Path.of(id.getLastSegment().getValue());
        Function<TestDescriptor, Optional<TestDescriptor>> create = parent -> Optional.of(describe(id, runbook));
        UniqueId parent = id.removeLastSegment();
        Optional<TestDescriptor> made = parent.equals(engine) ? context.addToParent(create)
                : context.addToParent(() -> DiscoverySelectors.selectUniqueId(parent), create);
        return made.map(descriptor -> Resolution.match(descriptor instanceof RunbookDescriptor r
                        ? Match.exact(r, () -> stepsOf(r))
                        : Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    private Resolution resolveStep(UniqueId id, Context context) {
        int n;
        try {
            n = Integer.parseInt(id.getLastSegment().getValue());
        } catch (NumberFormatException e) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
                        parent -> parent instanceof RunbookDescriptor r ? r.step(n) : Optional.empty())
                .map(step -> Resolution.match(Match.exact(step)))
                .orElse(Resolution.unresolved());
    }

    /** The runbook's container with its plan, or a failing test saying why it has none. */
    private TestDescriptor describe(UniqueId id, Path runbook) {
        try {
            return new RunbookDescriptor(id, runbook, planning.preview(runbook));
        } catch (BadInput problem) {
            return new BrokenRunbookDescriptor(id, runbook, problem);
        }
    }

    private Resolution runbooksOf(UniqueId parent, List<Path> folders) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                // a @Runbooks folder that is not there is a mistake to show, not a silent empty run
                selectors.add(DiscoverySelectors.selectUniqueId(runbookId(parent, folder)));
                continue;
            }
            planning.withoutPagesOfNoStep(RunbookFolders.find(folder))
                    .forEach(r -> selectors.add(DiscoverySelectors.selectUniqueId(runbookId(parent, r))));
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    private static Set<DiscoverySelector> stepsOf(RunbookDescriptor runbook) {
        Set<DiscoverySelector> steps = new LinkedHashSet<>();
        for (Step step : runbook.plan().steps()) {
            steps.add(DiscoverySelectors.selectUniqueId(runbook.getUniqueId().append(StepDescriptor.SEGMENT,
                    Integer.toString(step.n()))));
        }
        return steps;
    }

    /** A runbook's id names its path relative to the working directory when it lies below it, else absolute. */
    static UniqueId runbookId(UniqueId parent, Path runbook) {
        Path absolute = runbook.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : absolute;
        return parent.append(RunbookDescriptor.SEGMENT, shown.toString());
    }
}
