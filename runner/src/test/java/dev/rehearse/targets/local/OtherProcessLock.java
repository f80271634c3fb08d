package dev.rehearse.targets.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test-only: run as a process of its own, it tries the lock of the file it is given and prints {@code free} (it got
 * it, and lets it go) or {@code held} (another process holds it), as another Rehearse would find a pool's slot.
 */
public final class OtherProcessLock {
    private OtherProcessLock() {
    }

    /** What a process of its own finds of the lock of {@code lockFile}: {@code free} or {@code held}. */
    public static String finds(Path lockFile) throws Exception {
        Path classes = Path.of(OtherProcessLock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), OtherProcessLock.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes()).strip();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
        return said;
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.print(lock != null ? "free" : "held");
        }
    }
}
