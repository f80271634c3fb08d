package dev.rehearse.engine;

import dev.rehearse.guide.BadInput;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A runbook that cannot be planned (a broken sidecar, a guide that cannot be read, an unsafe binding): one test that
 * fails with the one-line {@code file:line: what is wrong}. A test, not a container, because build tools count
 * tests: a failed container alone would go unnoticed in Surefire's counts.
 */
final class BrokenRunbookDescriptor extends AbstractTestDescriptor {

    private final BadInput problem;

    BrokenRunbookDescriptor(UniqueId id, Path runbook, BadInput problem) {
        super(id, runbook.getFileName() + ": cannot be planned", source(runbook, problem));
        this.problem = problem;
    }

    /** Where the problem is: its file (as named, or within the runbook's folder) at its line, else the runbook. */
    private static FileSource source(Path runbook, BadInput problem) {
        Path folder = Files.isDirectory(runbook) ? runbook : runbook.toAbsolutePath().getParent();
        for (Path file : List.of(Path.of(problem.file()), folder.resolve(problem.file()))) {
            if (Files.isRegularFile(file)) {
                return problem.line() > 0 ? FileSource.from(file.toFile(), FilePosition.from(problem.line()))
                        : FileSource.from(file.toFile());
            }
        }
        return FileSource.from(runbook.toFile());
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    BadInput problem() {
        return problem;
    }
}
