package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The folders JNA is told to look through, read from where this process's C library was mapped from. */
class NativeLibrariesTest {

    @Test
    void theCLibrarysFolderFirstThenTheUsualOnes() {
        List<String> maps = List.of(
                "55d0c0a00000-55d0c0a01000 r--p 00000000 fd:01 1180 /usr/lib/jvm/jdk/bin/java",
                "7f2a1c000000-7f2a1c021000 rw-p 00000000 00:00 0 ",
                "7f2a1d200000-7f2a1d228000 r--p 00000000 fd:01 2235 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f2a1d400000-7f2a1d401000 r--p 00000000 fd:01 2240 /usr/lib/x86_64-linux-gnu/libm.so.6",
                "7ffd5a9e2000-7ffd5aa03000 rw-p 00000000 00:00 0                          [stack]");
        assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu:/usr/lib64:/lib64:/usr/lib:/lib"),
                NativeLibraries.libraryFolders(maps));
    }

    @Test
    void aUsualFolderIsNamedOnce() {
        assertEquals(Optional.of("/lib64:/usr/lib64:/usr/lib:/lib"),
                NativeLibraries.libraryFolders(List.of("7f00-7f01 r-xp 00000000 08:01 77 /lib64/libc.so.6")));
    }

    @Test
    void noCLibraryMappedMeansJnaFindsThemAsItWould() {
        assertEquals(Optional.empty(), NativeLibraries.libraryFolders(List.of(
                "7f00-7f01 r-xp 00000000 08:01 77 /lib/ld-musl-x86_64.so.1",
                "7f00-7f01 r-xp 00000000 08:01 78 /opt/app/libc.so.6.bak")));
    }
}
