package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a local run as root leaves of its user: a user made for the run goes, a pool's user stays with nothing. */
public final class RunUsers {
    /** the users of the run users' pool, kept between runs */
    public static final String POOL_USER = "rehearse-run\\d+";

    private RunUsers() {
    }

    /**
     * The run's HOME is gone and its user has no process left; a user made for the run is gone too, with its
     * sandbox (HOME's parent).
     */
    public static void assertLeftNothing(String user, Path home, String context) {
        assertFalse(Files.exists(home), home + " is still there; " + context);
        Optional<Integer> uid = uid(user);
        if (user.matches(POOL_USER)) {
            assertTrue(uid.isPresent(), "the pool's user " + user + " is kept; " + context);
            assertEquals(List.of(), processesOf(uid.get()), user + " still has processes; " + context);
        } else {
            assertFalse(uid.isPresent(), user + " still exists; " + context);
            assertFalse(Files.exists(home.getParent()), "the sandbox " + home.getParent() + " is still there; " + context);
        }
    }

    /** The user's id, as /etc/passwd says, if it exists. */
    public static Optional<Integer> uid(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().filter(l -> l.startsWith(user + ":"))
                    .map(l -> Integer.parseInt(l.split(":")[2])).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pids of the processes running (not zombies) with {@code uid} as their real, effective or saved id. */
    public static List<Long> processesOf(int uid) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .matches("\\d+"))) {
            for (Path process : all) {
                try {
                    List<String> status = Files.readAllLines(process.resolve("status"));
                    if (status.stream().anyMatch(l -> l.startsWith("State:") && l.contains("Z"))) {
                        continue; // ended, not yet waited for by its parent
                    }
                    String line = status.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElse("");
                    String[] ids = line.substring(4).strip().split("\\s+");
                    for (int i = 0; i < Math.min(3, ids.length); i++) {
                        if (ids[i].equals(String.valueOf(uid))) {
                            found.add(Long.parseLong(process.getFileName().toString()));
                            break;
                        }
                    }
                } catch (IOException | StringIndexOutOfBoundsException ended) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
