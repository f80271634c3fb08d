package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code /proc} says of a process, read as a wait in a read of the terminal or not, on either architecture. */
class TerminalReadersTest {
    private static final TerminalReaders.WaitCalls X86 = TerminalReaders.calls("x86_64");
    /** pid, name, state, ppid, pgrp, session, tty_nr, tpgid, then the rest */
    private static final String CAT_AT_FRONT = "4242 (cat) S 4200 4242 4200 34816 4242 4194304 95 0 0 0";

    @Test
    void aProgramAtTheFrontWaitingInAReadOfATerminalIsNamed() {
        assertEquals(Optional.of("cat"), TerminalReaders.reader(CAT_AT_FRONT, "0 0x0 0x7f 0x20000 0 0 0 0x7ffd 0x7f",
                fd -> fd == 0 ? "/dev/pts/3" : null, X86, false));
        assertEquals(Optional.of("cat"), TerminalReaders.reader(CAT_AT_FRONT, "63 0x0 0x7f 0x20000 0 0 0 0x7ffd 0x7f",
                fd -> "/dev/tty", TerminalReaders.calls("aarch64"), false));
        assertEquals(Optional.of("my (odd) name"), TerminalReaders.reader(
                "7 (my (odd) name) S 1 7 1 34816 7 0", "0 0x0 0x7f 0x1 0 0 0 0x7ffd 0x7f", fd -> "/dev/pts/0", X86, false));
    }

    /** A line editor ({@code bc -q}, readline's) waits in a select of standard input alone: pselect6(1, ...). */
    @Test
    void aProgramWatchingStandardInputAloneIsNamedToo() {
        String bc = CAT_AT_FRONT.replace("(cat)", "(bc)");
        assertEquals(Optional.of("bc"), TerminalReaders.reader(bc, "270 0x1 0x7ffc 0x0 0x0 0x0 0x7ffc 0x7ffc 0x7f",
                fd -> fd == 0 ? "/dev/pts/0" : null, X86, false));
        assertEquals(Optional.of("bc"), TerminalReaders.reader(bc, "72 0x1 0x7ffc 0x0 0x0 0x0 0x7ffc 0x7ffc 0x7f",
                fd -> fd == 0 ? "/dev/pts/0" : null, TerminalReaders.calls("aarch64"), false));
        assertEquals(Optional.empty(), TerminalReaders.reader(bc, "270 0x6 0x7ffc 0x0 0x0 0x0 0x7ffc 0x7ffc 0x7f",
                fd -> fd < 3 ? "/dev/pts/0" : "socket:[81234]", X86, false), "a select up to a socket: a server");
        assertEquals(Optional.empty(), TerminalReaders.reader(bc, "270 0x1 0x7ffc 0x0 0x0 0x0 0x7ffc 0x7ffc 0x7f",
                fd -> "pipe:[4]", X86, false), "standard input a pipe");
    }

    /**
     * GnuPG asks on the {@code /dev/tty} it opened as descriptor 3, and waits in a select up to it: pselect6(4, ...),
     * which its standard output (descriptor 1, the same terminal) does not tell.
     */
    @Test
    void aProgramWatchingTheTerminalItOpenedIsNamed() {
        String gpg = CAT_AT_FRONT.replace("(cat)", "(gpg)");
        assertEquals(Optional.of("gpg"), TerminalReaders.reader(gpg, "270 0x4 0x7fff 0x0 0x0 0x0 0x7fff 0x7fff 0x7f",
                fd -> fd == 3 ? "/dev/tty" : fd < 3 ? "/dev/pts/0" : null, X86, false));
        assertEquals(Optional.empty(), TerminalReaders.reader(gpg, "270 0x4 0x7fff 0x0 0x0 0x0 0x7fff 0x7fff 0x7f",
                fd -> fd == 3 ? "/home/isabell/.gnupg/pubring.kbx" : "/dev/pts/0", X86, false), "up to a file");
    }

    @Test
    void anythingElseIsNoSilentReader() {
        String readsTerminal = "0 0x0 0x7f 0x20000 0 0 0 0x7ffd 0x7f";
        assertEquals(Optional.empty(), TerminalReaders.reader(CAT_AT_FRONT, readsTerminal, fd -> "pipe:[12345]", X86, false),
                "a read of a pipe");
        assertEquals(Optional.empty(), TerminalReaders.reader(CAT_AT_FRONT, "230 0x0 0x0 0x7fff 0 0 0 0x7ffd 0x7f",
                fd -> "/dev/pts/3", X86, false), "a sleep");
        assertEquals(Optional.empty(), TerminalReaders.reader(CAT_AT_FRONT.replace(") S ", ") R "), "running",
                fd -> "/dev/pts/3", X86, false), "a computation");
        assertEquals(Optional.empty(), TerminalReaders.reader("4242 (cat) S 4200 4242 4200 34816 4300 0",
                readsTerminal, fd -> "/dev/pts/3", X86, false), "a job in the background");
        assertEquals(Optional.empty(), TerminalReaders.reader(CAT_AT_FRONT.replace("(cat)", "(docker)"),
                readsTerminal, fd -> "/dev/pts/3", X86, false), "a program that passes the terminal on");
        assertEquals(Optional.empty(), TerminalReaders.reader(CAT_AT_FRONT, readsTerminal, fd -> "/dev/pts/3",
                TerminalReaders.calls("riscv64"), false), "an architecture whose calls are not known");
        assertEquals(Optional.empty(), TerminalReaders.reader("garbage", "", fd -> null, X86, false));
    }

    /**
     * The terminal's login shell, its session's leader, waits in a read for its next command, or for the command on
     * its way to it: a reader only where the command makes the shell itself read.
     */
    @Test
    void theLoginShellIsAReaderOnlyWhereTheCommandMakesItRead() {
        String shell = "4200 (bash) S 4190 4200 4200 34816 4200 4194560 95 0 0 0";
        String readsTerminal = "0 0x0 0x7f 0x1 0 0 0 0x7ffd 0x7f";
        assertEquals(Optional.empty(), TerminalReaders.reader(shell, readsTerminal, fd -> "/dev/pts/3", X86, false));
        assertEquals(Optional.of("bash"), TerminalReaders.reader(shell, readsTerminal, fd -> "/dev/pts/3", X86, true));
        assertTrue(TerminalReaders.shellReads("read -r name"));
        assertTrue(TerminalReaders.shellReads("while read -r line; do echo \"$line\"; done"));
        assertTrue(TerminalReaders.shellReads("mapfile -t lines"));
        assertTrue(TerminalReaders.shellReads("select f in a b; do break; done"));
        assertFalse(TerminalReaders.shellReads("uberspace port add"));
        assertFalse(TerminalReaders.shellReads("bash calc.sh < readme.txt"));
        assertFalse(TerminalReaders.shellReads("cat README; ./reader"));
    }
}
