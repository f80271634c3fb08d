package dev.rehearse.engine;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService.TestTask;
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;
import org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory;
import org.junit.platform.engine.support.hierarchical.ResourceLock;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

import java.util.List;

/**
 * The discovered tree as tasks of JUnit's own executor services: the runbooks one after another, or in parallel
 * with {@code rehearse.execution.parallel.enabled=true}, on the platform's thread pool configured as Jupiter's is,
 * under the prefix {@code rehearse.execution.parallel.config.} ({@code strategy}, {@code fixed.parallelism},
 * {@code fixed.max-pool-size}, {@code dynamic.factor}, {@code executor-service}, ...). A runbook is one task: its
 * steps stay in order, in its one shell; each runbook opens a target of its own (container, sandbox user) under its
 * own run stamp.
 * <p>
 * Not a {@code HierarchicalTestEngine}: its nodes run their children after their own {@code execute}, while a
 * runbook's steps are reported live from inside the one run of the runbook ({@link RunbookExecution}).
 */
final class RunbookTasks {
    static final String PARALLEL = "rehearse.execution.parallel.enabled";
    static final String PARALLEL_CONFIG = "rehearse.execution.parallel.config.";

    private final HierarchicalTestExecutorService service;
    private final EngineExecutionListener listener;
    private final EngineSettings settings;

    RunbookTasks(HierarchicalTestExecutorService service, EngineExecutionListener listener, EngineSettings settings) {
        this.service = service;
        this.listener = listener;
        this.settings = settings;
    }

    /** The platform's thread pool when parallel execution is on, else the caller's thread. */
    static HierarchicalTestExecutorService executorService(ConfigurationParameters parameters) {
        return parameters.getBoolean(PARALLEL).orElse(false)
                ? ParallelHierarchicalTestExecutorServiceFactory.create(
                        new PrefixedConfigurationParameters(parameters, PARALLEL_CONFIG))
                : new SameThreadHierarchicalTestExecutorService();
    }

    TestTask of(TestDescriptor descriptor) {
        return new Task(descriptor);
    }

    private void execute(TestDescriptor descriptor) {
        if (descriptor instanceof RunbookDescriptor runbook) {
            new RunbookExecution(runbook, listener, settings).run();
            return;
        }
        listener.executionStarted(descriptor);
        if (descriptor instanceof BrokenRunbookDescriptor broken) {
            listener.executionFinished(broken, TestExecutionResult.failed(GuideTrace.at(broken.problem(),
                    broken.getDisplayName(), broken.getSource().orElse(null))));
            return;
        }
        service.invokeAll(descriptor.getChildren().stream().map(this::of).toList());
        listener.executionFinished(descriptor, TestExecutionResult.successful());
    }

    private final class Task implements TestTask {
        private final TestDescriptor descriptor;

        Task(TestDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public ExecutionMode getExecutionMode() {
            return ExecutionMode.CONCURRENT;
        }

        @Override
        public ResourceLock getResourceLock() {
            return NO_LOCK;
        }

        @Override
        public TestDescriptor getTestDescriptor() {
            return descriptor;
        }

        @Override
        public void execute() {
            RunbookTasks.this.execute(descriptor);
        }
    }

    /** Runbooks share nothing that needs a lock: each has its own target. */
    private static final ResourceLock NO_LOCK = new ResourceLock() {
        @Override
        public ResourceLock acquire() {
            return this;
        }

        @Override
        public void release() {
        }

        @Override
        public List<ExclusiveResource> getResources() {
            return List.of();
        }

        @Override
        public boolean isExclusive() {
            return false;
        }
    };
}
