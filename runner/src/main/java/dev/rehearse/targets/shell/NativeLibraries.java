package dev.rehearse.targets.shell;

import com.sun.jna.Platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The native code the terminal needs (JNA's dispatch library, pty4j's {@code libpty}), unpacked from the jar once
 * into the user's cache and loaded from there. Left to themselves, JNA unpacks its library into a new temporary
 * file at every start, and pty4j into a new folder under /tmp that it never removes: a run would leave a folder
 * behind, and unpacking costs more than the rest of preparing the terminal.
 * <p>
 * The cache folder is named by the checksum of what it holds, is the user's alone (0700, no link), and each file
 * in it is compared with the jar's before use: a file that differs is replaced, atomically. A user whose home
 * cannot hold it (a service account, {@code nobody}) gets one in the temporary folder instead,
 * {@code rehearse-native-UID}, used only while it is that user's alone. Where none of this can be done, the
 * libraries unpack as they would without it. Anything in this JVM that starts pty4j
 * itself (a test's terminal) calls {@link #useCache()} first, for the same reasons.
 */
public final class NativeLibraries {
    private static final String JNA = "jna";
    private static final String PTY4J = "pty4j";
    private static final FileAttribute<Set<PosixFilePermission>> ALONE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));
    private static final String PLATFORM_LIBRARY_PATH = "jna.platform.library.path";
    private static final String C_LIBRARY = "/libc.so.6";
    private static final List<String> USUAL_FOLDERS = List.of("/usr/lib64", "/lib64", "/usr/lib", "/lib");
    /** done once, by whichever thread first needs the terminal's native code */
    private static final boolean CACHED = useCachedCopies();

    private NativeLibraries() {
    }

    /**
     * Before JNA or pty4j loads: points them at the cached copies, unpacking these first where missing or
     * different, and tells JNA where the system's libraries are (once per process).
     *
     * @return whether the cached copies are used
     */
    public static boolean useCache() {
        return CACHED;
    }

    private static boolean useCachedCopies() {
        if (!Platform.isLinux()) {
            return false;
        }
        findSystemLibrariesWithoutLdconfig();
        String ptyArch = "linux/" + Platform.ARCH;
        Map<String, String> resourceToFile = new LinkedHashMap<>();
        resourceToFile.put("com/sun/jna/" + Platform.RESOURCE_PREFIX + "/libjnidispatch.so", JNA + "/libjnidispatch.so");
        resourceToFile.put("resources/com/pty4j/native/" + ptyArch + "/libpty.so", PTY4J + "/" + ptyArch + "/libpty.so");
        try {
            Map<String, byte[]> contents = new LinkedHashMap<>();
            CRC32 crc = new CRC32();
            for (Map.Entry<String, String> entry : resourceToFile.entrySet()) {
                byte[] bytes = resource(entry.getKey());
                if (bytes == null) {
                    return false;
                }
                crc.update(bytes);
                contents.put(entry.getValue(), bytes);
            }
            String name = Long.toHexString(crc.getValue());
            int us = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Path inTemp = Path.of(System.getProperty("java.io.tmpdir"), "rehearse-native-" + us);
            Path atHome = cacheRoot().resolve(name);
            for (Place place : List.of(new Place(atHome, atHome), new Place(inTemp.resolve(name), inTemp))) {
                Path folder = place.folder();
                try {
                    claim(place.mine(), us);
                    for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                        place(place.mine(), folder.resolve(file.getKey()), file.getValue(), us);
                    }
                    System.setProperty("jna.boot.library.path", folder.resolve(JNA).toString());
                    System.setProperty("pty4j.preferred.native.folder", folder.resolve(PTY4J).toString());
                    return true;
                } catch (IOException e) {
                    // not here: the next place, else no cache
                }
            }
            return false;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // the libraries unpack themselves, as without a cache
            return false;
        }
    }

    /**
     * JNA finds a library named without its version (pty4j's {@code util}, as {@code libutil.so.1}) by looking
     * through folders, which it asks {@code ldconfig -p} for unless told: a process started at every run. Told here:
     * the folder this process's C library was loaded from, which holds the rest of the C library, then the usual
     * ones. Left to JNA where the user names the folders, or the C library is not found.
     */
    private static void findSystemLibrariesWithoutLdconfig() {
        if (System.getProperty(PLATFORM_LIBRARY_PATH) != null) {
            return;
        }
        try {
            libraryFolders(Files.readAllLines(Path.of("/proc/self/maps")))
                    .ifPresent(folders -> System.setProperty(PLATFORM_LIBRARY_PATH, folders));
        } catch (IOException e) {
            // JNA asks ldconfig, as without this
        }
    }

    /**
     * @param maps the lines of {@code /proc/self/maps}
     * @return the C library's folder then the usual ones, as a path; empty when no C library is mapped
     */
    static Optional<String> libraryFolders(List<String> maps) {
        for (String line : maps) {
            // the mapped file's path is the first '/' on: the fields before it (addresses, mode, offset, device,
            // inode) hold none
            int path = line.indexOf('/');
            if (path >= 0 && line.endsWith(C_LIBRARY)) {
                Set<String> folders = new LinkedHashSet<>();
                folders.add(line.substring(path, line.length() - C_LIBRARY.length()));
                folders.addAll(USUAL_FOLDERS);
                return Optional.of(String.join(File.pathSeparator, folders));
            }
        }
        return Optional.empty();
    }

    /** {@code $XDG_CACHE_HOME/rehearse/native}, else {@code ~/.cache/rehearse/native}. */
    private static Path cacheRoot() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && Path.of(cache).isAbsolute() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rehearse").resolve("native");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * Where the libraries may go: {@code folder}, under {@code mine}, the highest folder on its way that must be the
     * user's alone.
     */
    private record Place(Path folder, Path mine) {
    }

    /** {@code mine} made (0700) where missing, and judged the user's alone before anything goes in. */
    private static void claim(Path mine, int us) throws IOException {
        Files.createDirectories(mine.getParent(), ALONE);
        try {
            Files.createDirectory(mine, ALONE);
        } catch (FileAlreadyExistsException e) {
            // made by an earlier run, or by someone else (a link, another's folder): judged below
        }
        requireOurs(mine, us);
    }

    /**
     * {@code file} holding exactly {@code bytes}, every folder on the way from {@code mine} (claimed) down the
     * user's.
     */
    private static void place(Path mine, Path file, byte[] bytes, int us) throws IOException {
        Path parent = file.getParent();
        Files.createDirectories(parent, ALONE);
        for (Path f = parent; f.startsWith(mine); f = f.getParent()) {
            requireOurs(f, us);
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path partial = parent.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime());
        try {
            Files.write(partial, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A folder (no link) of the user {@code us} that no one else may write into. */
    private static void requireOurs(Path folder, int us) throws IOException {
        int mode = (Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS) != us
                || (mode & 022) != 0) {
            throw new IOException(folder + " is not this user's alone");
        }
    }
}
