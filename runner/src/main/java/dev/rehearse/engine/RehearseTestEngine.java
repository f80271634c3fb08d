package dev.rehearse.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Runbooks as tests on the JUnit Platform (Maven Surefire, Gradle, IDEs): every runbook a container, every step a
 * test with its verdict. PASS succeeds; DRIFT succeeds with the diff published as a report entry, or fails with it
 * when {@code rehearse.strict=true}; FAIL fails with its reason and diff; SKIP is skipped with its reason. Each
 * runbook's reports are written as {@code rehearse run} writes them ({@link EngineSettings}).
 * <p>
 * Selectors: a folder (of runbooks, or one runbook's), a file (a guide or a {@code runbook.yaml}), a unique id down
 * to one step, a class annotated {@link Runbooks @Runbooks} (and so the classpath scans that hand over classes). The
 * engine ships in Rehearse's own jar, so it finds nothing in a test run that asks for none of these.
 */
public final class RehearseTestEngine implements TestEngine {
    /** The engine's id, the first segment of every unique id it makes. */
    public static final String ID = "rehearse";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.rehearse");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("rehearse-runner");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Rehearse");
        EngineSettings settings = EngineSettings.of(request.getConfigurationParameters());
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addClassContainerSelectorResolver(c -> c.isAnnotationPresent(Runbooks.class))
                .addSelectorResolver(context -> new RunbookResolver(uniqueId, settings))
                .build()
                .resolve(request, engine);
        RunbookShard.of(request.getConfigurationParameters()).ifPresent(shard -> RunbookShard.keepOnlyMine(shard, engine));
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineSettings settings = EngineSettings.of(request.getConfigurationParameters());
        try (HierarchicalTestExecutorService service = RunbookTasks.executorService(request.getConfigurationParameters())) {
            RunbookTasks tasks = new RunbookTasks(service, request.getEngineExecutionListener(), settings);
            service.submit(tasks.of(request.getRootTestDescriptor())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new JUnitException("internal error in the Rehearse engine: " + e.getCause(), e.getCause());
        }
    }
}
