package dev.rehearse.targets.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code /proc} says of a process and its sockets, read as a server at the front of its terminal or not. */
class TerminalServersTest {
    /** pid, name, state, ppid, pgrp, session, tty_nr, tpgid, then the rest */
    private static final String AT_FRONT = "4242 (python3) S 4200 4242 4200 34816 4242 4194304 95 0 0 0";
    private static final String IN_THE_BACK = "4242 (python3) S 4200 4242 4200 34816 4300 4194304 95 0 0 0";
    private static final String HEADING = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";
    /** 127.0.0.1:8642 listening (socket 91001), :22 listening (91002), 127.0.0.1:8642 to :40000 established */
    private static final String TCP = HEADING
            + "   0: 0100007F:21C2 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 91001 1 0\n"
            + "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 91002 1 0\n"
            + "   2: 0100007F:21C2 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 91003 1 0\n";
    /** [::1]:5173 listening (socket 91004) */
    private static final String TCP6 = HEADING
            + "   0: 00000000000000000000000001000000:1435 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000  1000        0 91004 1 0\n";

    @Test
    void aProgramAtTheFrontWithAListeningSocketIsAServer() {
        assertEquals(List.of(new TerminalServers.Listening("python3", 8642)),
                TerminalServers.listening(AT_FRONT, Set.of(91001L, 5L), TCP + TCP6));
        assertEquals("python3, listening on port 8642", new TerminalServers.Listening("python3", 8642).describe());
        assertEquals(List.of(new TerminalServers.Listening("python3", 22),
                        new TerminalServers.Listening("python3", 5173)),
                TerminalServers.listening(AT_FRONT, Set.of(91004L, 91002L), TCP + TCP6));
    }

    @Test
    void aConnectionAnotherProcesssSocketOrAProgramInTheBackIsNone() {
        assertEquals(List.of(), TerminalServers.listening(AT_FRONT, Set.of(91003L), TCP + TCP6),
                "an established connection, not a listening socket");
        assertEquals(List.of(), TerminalServers.listening(AT_FRONT, Set.of(7L), TCP + TCP6));
        assertEquals(List.of(), TerminalServers.listening(AT_FRONT, Set.of(), TCP + TCP6));
        assertEquals(List.of(), TerminalServers.listening(IN_THE_BACK, Set.of(91001L), TCP + TCP6),
                "a service started earlier, not the command at the front of the terminal");
        assertEquals(List.of(), TerminalServers.listening("garbage", Set.of(91001L), TCP));
        assertEquals(List.of(), TerminalServers.listening(AT_FRONT, Set.of(91001L), "0: x y 0A z\nnonsense"));
    }

    @Test
    void aSocketsInodeIsReadFromItsLink() {
        assertEquals(91001L, TerminalServers.socketInode("socket:[91001]"));
        assertEquals(-1L, TerminalServers.socketInode("pipe:[91001]"));
        assertEquals(-1L, TerminalServers.socketInode("/dev/pts/0"));
        assertEquals(-1L, TerminalServers.socketInode(null));
        assertEquals(-1L, TerminalServers.socketInode("socket:[x]"));
    }
}
