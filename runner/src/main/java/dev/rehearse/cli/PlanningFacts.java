package dev.rehearse.cli;

import dev.rehearse.model.TargetFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The facts {@code rehearse plan} binds against when nothing runs: this machine's user ({@code rehearse} when
 * that is root, as the local target runs as an ordinary user then), its host name, a placeholder home
 * {@code /home/USER} and the domain {@code USER.HOST.test}. No name lookup: the host name comes from the
 * environment or /etc/hostname.
 */
final class PlanningFacts {

    private PlanningFacts() {
    }

    static TargetFacts local() {
        String user = System.getProperty("user.name", "rehearse");
        if (user.isBlank() || user.equals("root")) {
            user = "rehearse";
        }
        String host = hostName();
        return new TargetFacts(user, host, "/home/" + user, user + "." + host + ".test");
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (IOException e) {
                host = "";
            }
        }
        host = host.split("\\.")[0];
        return host.matches("[A-Za-z0-9-]+") ? host : "localhost";
    }
}
