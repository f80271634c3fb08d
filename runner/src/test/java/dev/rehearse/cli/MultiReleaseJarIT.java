package dev.rehearse.cli;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar serves every class a dependency keeps for later Java versions (META-INF/versions/N/): opened as
 * the JVM opens it, each such class reads as it does from the dependency's own jar. Without
 * {@code Multi-Release: true} in the jar's manifest the JVM sees only the base versions (JSch then knows no
 * ed25519 at all).
 */
class MultiReleaseJarIT {

    @Test
    void everyVersionedClassOfEveryDependencyIsWhatTheJarServes() throws IOException {
        List<String> differing = new ArrayList<>();
        TreeMap<String, Integer> checked = new TreeMap<>();
        try (JarFile shaded = new JarFile(RehearseJar.jar().toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            assertEquals("true", shaded.getManifest().getMainAttributes().getValue("Multi-Release"));
            for (File dependency : multiReleaseJarsOnTheClassPath()) {
                try (JarFile own = new JarFile(dependency, true, ZipFile.OPEN_READ, Runtime.version())) {
                    if (!shipsIn(own, shaded)) {
                        continue; // a test-only library
                    }
                    int count = 0;
                    for (String name : versionedNames(own)) {
                        JarEntry served = shaded.getJarEntry(name);
                        JarEntry expected = own.getJarEntry(name);
                        if (served == null || !java.util.Arrays.equals(bytes(own, expected), bytes(shaded, served))) {
                            differing.add(dependency.getName() + ": " + name + " (the jar serves "
                                    + (served == null ? "nothing" : served.getRealName()) + ")");
                        }
                        count++;
                    }
                    checked.put(dependency.getName(), count);
                }
            }
        }
        assertTrue(checked.keySet().stream().anyMatch(jar -> jar.startsWith("jsch-")), "JSch is among them: " + checked);
        assertTrue(checked.values().stream().mapToInt(Integer::intValue).sum() > 0, checked.toString());
        assertEquals(List.of(), differing, "checked " + checked);
    }

    /** The jars on this test's class path whose manifest says Multi-Release (the class loader sees through
     *  Surefire's manifest-only jar). */
    private static List<File> multiReleaseJarsOnTheClassPath() throws IOException {
        List<File> jars = new ArrayList<>();
        for (URL manifest : Collections.list(ClassLoader.getSystemClassLoader().getResources(JarFile.MANIFEST_NAME))) {
            if (manifest.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                if ("true".equalsIgnoreCase(jar.getMainAttributes().getValue("Multi-Release"))) {
                    jars.add(new File(jar.getJarFileURL().getPath()));
                }
            }
        }
        return jars;
    }

    /** A dependency ships in the shaded jar when its classes are there. */
    private static boolean shipsIn(JarFile dependency, JarFile shaded) {
        return dependency.versionedStream().map(JarEntry::getName)
                .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                .findFirst().map(n -> shaded.getEntry(n) != null).orElse(false);
    }

    /** The names of the classes the dependency has under META-INF/versions/N/ for N up to this JVM's version. */
    private static List<String> versionedNames(JarFile jar) {
        int runtime = Runtime.version().feature();
        return jar.stream().map(JarEntry::getName)
                .filter(n -> n.startsWith("META-INF/versions/") && n.endsWith(".class") && !n.endsWith("module-info.class"))
                .filter(n -> Integer.parseInt(n.split("/")[2]) <= runtime)
                .map(n -> n.substring(n.indexOf('/', "META-INF/versions/".length()) + 1))
                .distinct().sorted().toList();
    }

    private static byte[] bytes(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
