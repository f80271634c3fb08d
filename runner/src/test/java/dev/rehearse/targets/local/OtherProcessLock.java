package dev.rehearse.targets.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Test-only: run as a process of its own, it tries the lock of the file it is given and prints {@code free} (it got
 * it, and lets it go) or {@code held} (another process holds it), as another Rehearse would find a pool's slot.
 */
public final class OtherProcessLock {
    private OtherProcessLock() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.print(lock != null ? "free" : "held");
        }
    }
}
