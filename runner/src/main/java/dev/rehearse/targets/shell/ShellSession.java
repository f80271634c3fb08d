package dev.rehearse.targets.shell;

import dev.rehearse.model.CommandResult;
import dev.rehearse.model.CommandResult.Status;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.ShownAnswers;
import dev.rehearse.model.StandingAnswer;
import dev.rehearse.targets.BashQuoting;
import dev.rehearse.targets.OutputLimit;
import dev.rehearse.targets.Session;
import dev.rehearse.terminal.TerminalText;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The session protocol: a persistent interactive bash on a terminal, driven over any {@link Transport}.
 * <p>
 * Setup: terminal echo off (we know what we type, and typed visible answers are put into the output where a
 * terminal would have echoed them), line editing off (no readline redisplay or bracketed-paste codes), an
 * empty PS1/PS2, and a PROMPT_COMMAND that prints a sentinel {@code RS rehearse:TOKEN:STATUS:PWD US} before
 * every prompt, so the end of each command carries its exit status and the working directory.
 * The token is random per session, so no program's output can fake it.
 * <p>
 * The thread that runs the command reads the output itself ({@link TimedOutput}), each read waiting no longer than
 * the next thing it must do: answer a prompt, notice a program waiting for input nobody will type, interrupt on
 * timeout. It never waits without a deadline.
 */
public final class ShellSession implements Session {
    private static final String END_OF_STREAM = new String("<end of stream>");
    private static final char RS = '\u001e';
    private static final char US = '\u001f';
    /** the flag {@code stty -a} lists when the terminal echoes */
    private static final Pattern ECHO_ON = Pattern.compile("(?<![-\\w])echo(?![\\w])");
    private static final byte CTRL_C = 3;
    private static final byte CTRL_D = 4;
    private static final byte CTRL_BACKSLASH = 0x1c;
    /** what an interrupt types, one a second, the last again until the shell is back */
    private static final byte[] INTERRUPT_KEYS = {CTRL_C, CTRL_C, CTRL_D, CTRL_C, CTRL_BACKSLASH};
    /** programs that read the terminal for keys and leave on q, by their names as {@code /proc} gives them */
    private static final Set<String> QUIT_BY_Q = Set.of("less", "more", "most", "pg", "man", "top", "htop", "atop",
            "tig", "iotop", "nmon");
    /** the longest a still command goes without a look for a program of it that reads the terminal silently */
    private static final long LONGEST_READ_CHECK = TimeUnit.SECONDS.toNanos(30);
    /** what a due answer's index is when a standing answer, not the plan, gives it: the plan's next stays next */
    private static final int STANDING = -1;
    /** A canonical-mode terminal drops what goes past 4095 bytes of one line. */
    private static final int MAX_LINE = 3000;
    private static final int PROMPT_TAIL = 4096;
    /** what of a command's raw output is held for sentinel and prompt searches; the output itself is kept apart */
    private static final int SEARCH_WINDOW = 16 * PROMPT_TAIL;

    private final Transport transport;
    private final ShellSettings settings;
    /** the sidecar's answers, for prompts wherever they come */
    private List<StandingAnswer> standing = List.of();
    /** the next command's answers as its transcript shows them ({@link #answerAsShown}) */
    private ShownAnswers shownNext = ShownAnswers.NONE;
    private final String sentinelStart;
    private final OutputStream keyboard;
    private final TimedOutput screen;
    private final byte[] readBuffer = new byte[8192];
    /** bytes read and not decoded yet: a UTF-8 character may be cut between two reads */
    private final ByteBuffer undecoded = ByteBuffer.allocate(8192 + 8);
    private final CharBuffer decoded = CharBuffer.allocate(8192 + 8);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private volatile boolean alive = true;
    /** a command the guide left running holds the terminal: the session takes no other */
    private volatile boolean holding;
    /** what the command left running is, where it is a server no step stopped (it listens on a port); else null */
    private volatile String heldServer;
    private volatile boolean interrupted;
    private String lostReason;
    private String cwd;
    /** a program turned the terminal's echo back on: our typed commands show up in the output */
    private boolean echoing;
    /** output that arrived after the last sentinel (a background job's message): it opens the next command's */
    private String carry = "";
    /** a command of the session's own runs, whose output only the session reads */
    private boolean ownCommand;

    private ShellSession(Transport transport, ShellSettings settings, String token) {
        this.transport = transport;
        this.settings = settings;
        this.sentinelStart = RS + "rehearse:" + token + ":";
        this.keyboard = transport.input();
        this.screen = transport.output();
    }

    /**
     * Takes over a transport on which a login shell (bash) is starting and returns once it is ready.
     *
     * @throws IllegalStateException when the shell does not come up within {@link ShellSettings#startTimeout()};
     *                               the transport is closed then
     */
    public static ShellSession start(Transport transport, ShellSettings settings) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        ShellSession session = new ShellSession(transport, settings, HexFormat.of().formatHex(random));
        try {
            session.handshake();
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** Brings the starting login shell under the protocol, its startup noise (banners, motd) dropped. */
    private void handshake() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        Setup setup = new Setup();
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                throw new IllegalStateException("the shell did not start within " + settings.startTimeout().toSeconds()
                        + " s; it printed: " + setup.lastWords());
            }
            String chunk = poll(Math.min(deadline, setup.typeWhenDue(now)) - now);
            if (chunk == END_OF_STREAM) {
                throw new IllegalStateException("the shell did not start: " + transport.endReason()
                        + "; it printed: " + setup.lastWords());
            }
            if (chunk != null && setup.received(chunk)) {
                return;
            }
        }
    }

    /**
     * The setup of a shell that is starting on the terminal: the setup line is typed until a sentinel answers it
     * (login scripts may swallow early input), then a marked no-op whose sentinel ends the startup noise (banners,
     * motd, the answers to setup lines typed again). The session's first shell goes through it, and so does a
     * shell a command opens ({@link #enter}).
     */
    private final class Setup {
        private static final long RESEND = TimeUnit.SECONDS.toNanos(2);
        private final StringBuilder raw = new StringBuilder();
        private final String marker = "ready-" + sentinelStart.substring(sentinelStart.indexOf(':') + 1,
                sentinelStart.length() - 1);
        private boolean setUp;
        private long resendAt;
        private int typings;
        /** when the setup line was typed the second time; 0 before */
        private long typedAgainAt;

        /** Types the setup line when it is due; returns when it is due again (never, once a sentinel came). */
        long typeWhenDue(long now) {
            if (!setUp && now >= resendAt) {
                type(setupLine() + "\n");
                if (++typings == 2) {
                    typedAgainAt = now;
                }
                resendAt = now + RESEND;
            }
            return setUp ? Long.MAX_VALUE : resendAt;
        }

        /** Takes the terminal's next output in: true once the shell is set up and its startup noise has passed. */
        boolean received(String chunk) {
            raw.append(chunk);
            int start;
            while ((start = raw.indexOf(sentinelStart)) >= 0) {
                int end = raw.indexOf(String.valueOf(US), start);
                if (end < 0) {
                    return false;
                }
                boolean ready = setUp && raw.substring(0, start).contains(marker);
                parseSentinel(raw.substring(start + sentinelStart.length(), end));
                raw.delete(0, end + 1);
                if (ready) {
                    return true;
                }
                if (!setUp) {
                    setUp = true;
                    // split so that an echo of the typed line can never look like the marker
                    type("printf '%s-%s\\n' ready " + marker.substring("ready-".length()) + "\n");
                }
            }
            if (raw.length() > SEARCH_WINDOW) {
                raw.delete(0, raw.length() - PROMPT_TAIL);
            }
            return false;
        }

        String lastWords() {
            return TerminalText.lastNonBlankLine(raw.toString());
        }

        long typedAgainAt() {
            return typedAgainAt;
        }
    }

    private String setupLine() {
        String sentinel = sentinelStart.replace(String.valueOf(RS), "\\036") + "%s:%s\\037";
        return "stty -echo 2>/dev/null; set +o emacs +o vi +o history; unset HISTFILE; IGNOREEOF=1000; "
                + "export TERM=" + settings.term() + " PAGER=cat GIT_PAGER=cat SYSTEMD_PAGER= MANPAGER=cat "
                // less and more called by name print a file that fits the terminal and quit, as a reader sees it:
                // less without its dumb terminal's warning and wait for RETURN (-d), screen setup (-X) or (END) (-F)
                + "LESS=-FXd MORE=-e "
                // Node.js's REPL echoes what is typed itself, as the terminal no longer does; without its line
                // editor it shows its prompt and answers as Python's does
                + "NODE_NO_READLINE=1 "
                + "COLUMNS=" + settings.columns() + " LINES=" + settings.rows() + " LANG=\"${LANG:-C.UTF-8}\"; "
                // what was typed and never read (an answer to a prompt whose program ended first) is dropped
                // before the sentinel, which alone lets the next command be typed: the shell would run it. A guide's
                // set -x traces what it types, as a reader sees it, and not this (xtrace writes to the group's stderr)
                + "PS0=; PS2=; PS1=; PROMPT_COMMAND='{ __rehearse_status=$?; while read -r -t 0 __rehearse_drop; do "
                + "read -r __rehearse_drop; done; PS1=; printf \"" + sentinel
                + "\" \"$__rehearse_status\" \"$PWD\"; } 2>/dev/null'; "
                // bash 5.1 and later run each element of a PROMPT_COMMAND array, each seeing the command's status: a
                // guide's PROMPT_COMMAND=... (or "history -a; $PROMPT_COMMAND") sets the first and leaves the sentinel
                + "((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 501)) && PROMPT_COMMAND=('' \"$PROMPT_COMMAND\") || :";
    }

    @Override
    public void answerWherever(List<StandingAnswer> answers) {
        standing = List.copyOf(answers);
    }

    @Override
    public void answerAsShown(ShownAnswers shown) {
        shownNext = shown;
    }

    @Override
    public CommandResult run(String command, List<Interaction> interactions, Duration timeout,
                             Consumer<String> progress) {
        return run(command, interactions, timeout, progress, OutputLimit.DEFAULT);
    }

    @Override
    public CommandResult run(String command, List<Interaction> interactions, Duration timeout,
                             Consumer<String> progress, OutputLimit limit) {
        return run(command, interactions, timeout, progress, limit, false);
    }

    /**
     * Once the shell the command opens shows its prompt (still for {@link ShellSettings#settle()} at a shell's
     * prompt, or for {@link ShellSettings#quietPeriod()} at a last line that asks nothing), it goes through the
     * {@link Setup} as the session's first shell did, within {@link ShellSettings#startTimeout()}; its result is
     * the output up to that prompt, exit status 0. A shell that does not answer the setup (no bash) is interrupted
     * as on a timeout until the shell it was opened from is back: {@code SHELL_UNANSWERED}.
     */
    @Override
    public CommandResult enter(String command, List<Interaction> interactions, Duration timeout,
                               Consumer<String> progress, OutputLimit limit) {
        return run(command, interactions, timeout, progress, limit, true);
    }

    private CommandResult run(String command, List<Interaction> interactions, Duration timeout,
                              Consumer<String> progress, OutputLimit limit, boolean opensShell) {
        long started = System.nanoTime();
        if (!alive || holding) {
            return new CommandResult(Status.DISCONNECTED, -1, "", null, "", Duration.ZERO);
        }
        if (interrupted) {
            return new CommandResult(Status.INTERRUPTED, -1, "", cwd, "", Duration.ZERO);
        }
        if (echoing) {
            silenceEcho();
        }
        Run run = new Run(interactions, shownNext, progress, limit, opensShell);
        shownNext = ShownAnswers.NONE;
        run.raw.append(carry);
        // what came after the last sentinel is this command's output, but was no command's to show live
        run.shown = carry.length();
        run.kept.add(carry);
        carry = "";
        run.typed = encode(command);
        run.shellReads = TerminalReaders.shellReads(command);
        if (!type(run.typed)) {
            return run.lost(started);
        }
        long deadline = started + timeout.toNanos();
        String reader;
        String server;
        while (true) {
            long now = System.nanoTime();
            if (run.interruptedAs == null) {
                if (interrupted) {
                    run.interrupt(Status.INTERRUPTED, now);
                } else if (now >= deadline) {
                    run.interrupt(Status.TIMEOUT, now);
                } else if (run.answerDueAt != 0 && now >= run.answerDueAt && run.due.leaves()) {
                    // the guide goes on in another terminal: this one keeps the command
                    return leftRunning(run, started, null);
                } else if (run.answerDueAt != 0 && now >= run.answerDueAt) {
                    run.answer(now);
                } else if (run.stillEnoughToStop(now) || run.readsUnasked(now)) {
                    run.stop(now);
                } else if (run.opened != null && now >= run.openedGivesUpAt()) {
                    run.interrupt(Status.SHELL_UNANSWERED, now);
                } else if (run.opened == null && run.openedShellShown(now)) {
                    run.takeOver(now, deadline);
                } else if (run.opened == null && now - run.lastOutputAt >= settings.quietPeriod().toNanos()
                        && run.waitingAt() != null) {
                    run.waitingLine = run.waitingAt().strip();
                    run.interrupt(Status.WAITING_FOR_INPUT, now);
                } else if (run.opened == null && (server = run.serverStarted(now)) != null) {
                    return leftRunning(run, started, server);
                } else if (run.opened == null && (reader = run.silentReader(now)) != null) {
                    // a server that reads the terminal for its keys (h, q, r to restart) waits for none
                    server = run.typesNothingMore() ? run.announcedServer() : null;
                    if (server != null) {
                        return leftRunning(run, started, server);
                    }
                    if (run.answeredAsShown(now)) {
                        continue;
                    }
                    String unanswered = run.unansweredLine();
                    run.waitingLine = unanswered != null ? unanswered : reader;
                    run.interrupt(unanswered != null ? Status.WAITING_FOR_INPUT : Status.READING_SILENTLY, now);
                }
            } else if (now >= run.nextEscalationAt) {
                if (!run.escalate(now)) {
                    lostReason = "the shell did not come back after its command was interrupted";
                    close();
                    return run.result(-1, started);
                }
            }
            long wake = run.nextWakeUp(deadline);
            if (run.opened != null && run.interruptedAs == null) {
                wake = Math.min(wake, run.opened.typeWhenDue(System.nanoTime()));
            }
            String chunk = poll(wake - System.nanoTime());
            if (chunk == END_OF_STREAM) {
                alive = false;
                return run.lost(started);
            }
            if (chunk != null) {
                CommandResult done = run.received(chunk, started);
                if (done != null) {
                    return done;
                }
            }
        }
    }

    /**
     * A one-line command goes as typed; anything else (several lines, control characters, a long line) goes as
     * one {@code eval} of ANSI-C quoted pieces joined by line continuations, so the shell runs it as one unit,
     * prints one sentinel, and no physical line outgrows what a terminal accepts.
     */
    static String encode(String command) {
        if (plain(command)) {
            return command + "\n";
        }
        StringBuilder lines = new StringBuilder("eval ");
        int piece = MAX_LINE / 4;
        for (int from = 0; from < command.length(); ) {
            int to = Math.min(command.length(), from + piece);
            if (to < command.length() && Character.isHighSurrogate(command.charAt(to - 1))) {
                to--;
            }
            if (from > 0) {
                lines.append("\\\n");
            }
            lines.append(BashQuoting.ansiC(command.substring(from, to)));
            from = to;
        }
        return lines.append('\n').toString();
    }

    /** one line of printable characters and tabs, short enough for the terminal */
    private static boolean plain(String command) {
        if (command.length() > MAX_LINE) {
            return false;
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if ((c < 0x20 || c == 0x7f) && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The bookkeeping of one command while it runs. */
    private final class Run {
        final List<Interaction> interactions;
        /** answers the transcript shows after questions the plan read as output, typed where the program waits */
        final ShownAnswers shownAnswers;
        /** {@link #shownLineDue}'s last answer, for the output's length and the plan's next interaction then */
        Interaction lineDue;
        long lineDueFor = -1;
        int lineDueBefore;
        final Consumer<String> progress;
        /** the latest raw output, for the sentinel and prompt searches */
        final StringBuilder raw = new StringBuilder();
        final BoundedOutput kept;
        String typed;
        /** the command makes the login shell itself read the terminal: only then does the shell count as a reader */
        boolean shellReads;
        int nextInteraction;
        /** prompts are looked for in the output after the last answer */
        int answeredUpTo;
        Interaction due;
        /** the plan's interaction that is due, or {@link #STANDING} */
        int dueIndex;
        long answerDueAt;
        final long typedAt = System.nanoTime();
        long lastOutputAt = typedAt;
        int searchFrom;
        /** how much of {@link #raw} the progress has been given */
        int shown;
        Status interruptedAs;
        /** the prompt it was found waiting at */
        String waitingLine;
        /** the command opens a shell, which is set up once it shows its prompt */
        final boolean opensShell;
        /** the setup of the shell the command opened, once under way */
        Setup opened;
        /** the most the shell the command opened may take to answer the setup: the start timeout, within the step's */
        long openedDeadline;
        long interruptStartedAt;
        long nextEscalationAt;
        int escalations;
        /** when the transport was last asked for a silent reader of the terminal, and how often since the output */
        long readCheckedAt;
        int readChecks;
        /** when the transport last saw a program wait in a read of the terminal, with no output since; else 0 */
        long readSeenAt;
        /** when the transport was last asked for a server at the front of the terminal, and how often since */
        long serverCheckedAt;
        int serverChecks;

        Run(List<Interaction> interactions, ShownAnswers shownAnswers, Consumer<String> progress, OutputLimit limit,
            boolean opensShell) {
            this.interactions = interactions == null ? List.of() : interactions;
            this.shownAnswers = shownAnswers;
            this.progress = progress;
            this.kept = new BoundedOutput(limit);
            this.opensShell = opensShell;
        }

        CommandResult received(String chunk, long started) {
            lastOutputAt = System.nanoTime();
            readChecks = 0;
            readSeenAt = 0;
            serverChecks = 0;
            if (opened != null) {
                return takenOver(chunk) ? result(0, started) : null;
            }
            raw.append(chunk);
            int start = raw.indexOf(sentinelStart, Math.max(0, searchFrom - sentinelStart.length()));
            if (start >= 0) {
                int end = raw.indexOf(String.valueOf(US), start);
                showUpTo(start);
                if (end < 0) {
                    return null;
                }
                int exit = parseSentinel(raw.substring(start + sentinelStart.length(), end));
                carry = raw.substring(end + 1);
                raw.setLength(start);
                return result(exit, started);
            }
            searchFrom = raw.length();
            // a read may end in the first bytes of the sentinel: they are shown once the next read says they are not
            showUpTo(raw.length() - sentinelPrefixAtEnd());
            if (interruptedAs == null) {
                lookForPrompt();
            }
            forgetOld();
            return null;
        }

        /** Passes the output up to {@code end} of {@link #raw} on to the progress, once. */
        private void showUpTo(int end) {
            if (end > shown) {
                emit(raw.substring(shown, end));
                shown = end;
            }
        }

        /** How many characters at the end of {@link #raw} could be the start of a sentinel still arriving. */
        private int sentinelPrefixAtEnd() {
            for (int n = Math.min(sentinelStart.length() - 1, raw.length()); n > 0; n--) {
                int from = raw.length() - n;
                int i = 0;
                while (i < n && raw.charAt(from + i) == sentinelStart.charAt(i)) {
                    i++;
                }
                if (i == n) {
                    return n;
                }
            }
            return 0;
        }

        /** Drops raw output no search looks at any more: a command may print gigabytes. */
        private void forgetOld() {
            if (raw.length() > SEARCH_WINDOW) {
                int drop = raw.length() - PROMPT_TAIL;
                raw.delete(0, drop);
                searchFrom -= drop;
                answeredUpTo = Math.max(0, answeredUpTo - drop);
                shown = Math.max(0, shown - drop);
            }
        }

        /** The command's output: kept (within the limit) and shown live. */
        private void emit(String text) {
            kept.add(text);
            if (progress != null && !text.isEmpty()) {
                progress.accept(text);
            }
        }

        /** The last line the terminal shows of what came since the last answer (of its last few KB). */
        private String lastLineSinceAnswer() {
            return TerminalText.lastLine(raw.substring(Math.max(answeredUpTo, raw.length() - PROMPT_TAIL)));
        }

        /**
         * The first interaction still pending whose prompt ends the output since the last answer; else a standing
         * answer whose rule ends it.
         */
        private void lookForPrompt() {
            if (due != null && dueIndex != STANDING && (due.interrupts() || due.leaves())) {
                // its words came: what the program prints after them does not put it off (a busy log never stops)
                return;
            }
            due = null;
            answerDueAt = 0;
            if (nextInteraction >= interactions.size() && standing.isEmpty()) {
                return;
            }
            String shown = lastLineSinceAnswer().stripTrailing();
            for (int i = nextInteraction; i < interactions.size(); i++) {
                String prompt = interactions.get(i).prompt().stripTrailing();
                // an interrupt or a leave waits for its words anywhere in what came since (the program goes on
                // printing)
                boolean anywhere = interactions.get(i).interrupts() || interactions.get(i).leaves();
                boolean seen = anywhere ? raw.indexOf(prompt, answeredUpTo) >= 0 : shown.endsWith(prompt);
                if (!prompt.isEmpty() && seen) {
                    answerOnceStill(interactions.get(i), i);
                    return;
                }
            }
            for (StandingAnswer answer : standing) {
                Interaction asked = answer.at(shown);
                if (asked != null) {
                    answerOnceStill(asked, STANDING);
                    return;
                }
            }
            if (nextInteraction < interactions.size() && rewordedAt(interactions.get(nextInteraction), shown)) {
                answerOnceStill(interactions.get(nextInteraction), nextInteraction);
            }
        }

        /** {@code answer} (the plan's at {@code index}, or {@link #STANDING}) is typed once the output is still */
        private void answerOnceStill(Interaction answer, int index) {
            due = answer;
            dueIndex = index;
            answerDueAt = System.nanoTime() + settings.settle().toNanos();
        }

        /**
         * The program asks the plan's next question in other words ({@link RewordedPrompt}): answered as the guide
         * answers it, the step's output then shows the difference. Not an interrupt's or a leave's words, nor what
         * is typed unasked: those wait for no question.
         */
        private boolean rewordedAt(Interaction next, String shown) {
            return !next.eof() && !next.prompt().isBlank() && TerminalText.looksLikePrompt(shown)
                    && RewordedPrompt.asks(next.prompt(), shown);
        }

        /**
         * The next interaction waits for no words: an interrupt ({@link Interaction#interrupt} of ""), or what a
         * program reads without asking ({@code cat > notes.txt}: the lines, then Ctrl-D), due once it is still.
         */
        boolean stopsWhenStill() {
            if (due != null || opened != null || nextInteraction >= interactions.size()) {
                return false;
            }
            return interactions.get(nextInteraction).prompt().isBlank();
        }

        /**
         * Whether a command that follows its output (the guide shows none of it) has shown what it had: its output
         * still for the quiet period, or twice that since it was typed, for one that keeps printing ({@code watch}).
         */
        boolean stillEnoughToStop(long now) {
            return stopsWhenStill() && now >= stopAt();
        }

        /**
         * Whether the lines a program reads without asking ({@code cat > notes.txt}, a bare {@code read}) can be
         * typed before the output has been still for the quiet period: the program waits in a read of the terminal,
         * seen twice with no output in between (what the shell printed before it went back to its prompt, a read
         * of the terminal too, may still be on its way). The transport is asked once the output has been still for
         * the settle time, then after twice as long each time, up to the quiet period, when they are typed anyway
         * (a transport that cannot see its programs).
         */
        boolean readsUnasked(long now) {
            if (!typesUnasked() || now < unaskedReadCheckAt()) {
                return false;
            }
            return readerSeenTwice(now) != null;
        }

        /**
         * Asks the transport for a program that waits in a read of the terminal, and gives its name once it has been
         * seen there twice with no output in between; else null.
         */
        private String readerSeenTwice(long now) {
            readCheckedAt = now;
            readChecks++;
            String reader = transport.silentReader(shellReads).orElse(null);
            boolean seenBefore = readSeenAt != 0;
            readSeenAt = reader == null ? 0 : now;
            return seenBefore ? reader : null;
        }

        /** The next interaction is what a program reads without asking, not an interrupt waiting for stillness. */
        private boolean typesUnasked() {
            return stopsWhenStill() && !interactions.get(nextInteraction).interrupts();
        }

        private long unaskedReadCheckAt() {
            long settle = settings.settle().toNanos();
            long since = Math.min(settings.quietPeriod().toNanos(), settle << Math.min(readChecks, 20));
            return Math.max(lastOutputAt + settle, readCheckedAt + since);
        }

        /** Sends the interrupt (or the unasked lines) that waited for the output to be still, as an answer due. */
        void stop(long now) {
            Interaction shownFirst = shownLineDue();
            if (shownFirst != null) { // the lines the transcript shows typed before the input's end
                due = shownFirst;
                dueIndex = STANDING;
            } else {
                due = interactions.get(nextInteraction);
                dueIndex = nextInteraction;
            }
            answer(now);
        }

        private long stopAt() {
            long quiet = settings.quietPeriod().toNanos();
            return Math.min(lastOutputAt + quiet, typedAt + 2 * quiet);
        }

        void answer(long now) {
            Interaction answering = due;
            boolean planned = dueIndex != STANDING;
            if (planned) {
                nextInteraction = dueIndex + 1;
            }
            due = null;
            answerDueAt = 0;
            if (answering.eof()) {
                typeByte(answering.interrupts() ? CTRL_C : CTRL_D);
            } else {
                String answer = answering.answer() == null ? "" : answering.answer();
                type(answer + "\r");
                if (!answering.hidden()) {
                    // where the terminal would have echoed it
                    raw.append(answer).append('\n');
                    showUpTo(raw.length());
                }
                if (planned && answering.prompt().isBlank() && nextEndsInputUnasked()) {
                    // the lines a program reads without asking, then their end (cat > notes.txt, then Ctrl-D): the
                    // terminal holds both for it, and the program gives no sign to wait for in between
                    typeByte(CTRL_D);
                    nextInteraction++;
                }
            }
            answeredUpTo = raw.length();
            searchFrom = raw.length();
            lastOutputAt = now;
            readChecks = 0;
            readSeenAt = 0;
            serverChecks = 0;
        }

        /** The next interaction is an end of input that waits for no prompt (Ctrl-D, not Ctrl-C). */
        private boolean nextEndsInputUnasked() {
            if (nextInteraction >= interactions.size()) {
                return false;
            }
            Interaction next = interactions.get(nextInteraction);
            return next.prompt().isBlank() && next.eof() && !next.interrupts();
        }

        /**
         * Whether the shell the command opens shows its prompt: still for the settle time at a last line that looks
         * like a shell's prompt, or for the quiet period at one that asks nothing (a question waits for input, and
         * the setup line is not typed as its answer).
         */
        boolean openedShellShown(long now) {
            if (!opensShell || due != null) {
                return false;
            }
            String last = lastLineSinceAnswer();
            long still = now - lastOutputAt;
            return TerminalText.looksLikeShellPrompt(last) ? still >= settings.settle().toNanos()
                    : still >= settings.quietPeriod().toNanos() && !TerminalText.looksLikePrompt(last);
        }

        /**
         * When the shell the command opened counts as not answering the setup: at the start timeout, or once the
         * quiet period has passed since the setup line was typed again (a bash at its prompt answers at once).
         */
        long openedGivesUpAt() {
            return opened.typedAgainAt() == 0 ? openedDeadline
                    : Math.min(openedDeadline, opened.typedAgainAt() + settings.quietPeriod().toNanos());
        }

        /** Sets up the shell the command opened; what the terminal shows from here on is its startup noise. */
        void takeOver(long now, long deadline) {
            showUpTo(raw.length());
            opened = new Setup();
            openedDeadline = Math.min(deadline, now + settings.startTimeout().toNanos());
        }

        /**
         * Output while the shell the command opened is set up: true once it is, or, after that failed and the
         * interrupts began, once any set-up shell is back at its prompt (a sentinel).
         */
        private boolean takenOver(String chunk) {
            if (interruptedAs == null) {
                return opened.received(chunk);
            }
            raw.append(chunk);
            int start = raw.indexOf(sentinelStart);
            int end = start < 0 ? -1 : raw.indexOf(String.valueOf(US), start);
            if (end < 0) {
                forgetOld();
                return false;
            }
            parseSentinel(raw.substring(start + sentinelStart.length(), end));
            return true;
        }

        /**
         * The program that waits in a read of the terminal without having asked anything, once the output has been
         * still for the quiet period and the plan has nothing left to type (what it has for a program that asks
         * nothing it types once the output is still). Else null. The transport is asked at the end of the quiet
         * period, then after twice as long each time the output stays still (to {@link #LONGEST_READ_CHECK}), as
         * looking costs a walk through the processes: a long silent computation is looked at a few times. A reader
         * counts once seen twice with no output in between: the shell, back at its prompt after the command, reads
         * the terminal too, while what it printed on the way back may still be in transit (over ssh, a look on a
         * channel of its own can come back first), so a second look follows the first at the settle time.
         */
        String silentReader(long now) {
            return now < silentReadCheckAt(now) ? null : readerSeenTwice(now);
        }

        /**
         * when {@link #silentReader} next asks; never while an answer is due, nor while one is to come that is not
         * for a prompt's words: typed once the output is still, or an interrupt (a server may read the terminal for
         * its keys while the words the guide stops it at are still to come). A program that reads the terminal
         * while the plan's next prompt has not shown asks otherwise than the guide shows it
         * ({@link #unansweredLine}).
         */
        long silentReadCheckAt(long now) {
            Interaction next = nextInteraction < interactions.size() ? interactions.get(nextInteraction) : null;
            if (due != null || next != null && (next.prompt().isBlank() || next.eof())) {
                return Long.MAX_VALUE;
            }
            long settle = settings.settle().toNanos();
            if (readSeenAt != 0) {
                return readSeenAt + settle;
            }
            if (now < lastOutputAt + settle) {
                return lastOutputAt + settle; // no look before then in any case: what to look for is told then
            }
            long quiet = settings.quietPeriod().toNanos();
            if (shownAnswers.shows(lastLineSinceAnswer()) || shownLineDue() != null) {
                // a question the transcript shows answered, or a line it shows typed: asked as soon as the output is
                // still, backing off to the quiet period while the program does not read
                long since = Math.min(quiet, settle << Math.min(readChecks, 20));
                return Math.max(lastOutputAt + settle, readCheckedAt + since);
            }
            long since = Math.min(LONGEST_READ_CHECK, quiet << Math.min(readChecks, 20));
            return Math.max(lastOutputAt + quiet, readCheckedAt + since);
        }

        /**
         * A program at the front of the terminal that listens on a port it announced (its number stands in what the
         * command printed), once the output has been still for twice the quiet period and the plan has nothing left
         * to type: a server the guide starts in the foreground and does not stop ("Start the server: python3 -m
         * http.server", which prints "Serving HTTP on ... port 8000"), which runs on as on the reader's terminal,
         * rather than to the step's timeout. What it is; else null. Asked, as a walk through the processes costs,
         * after twice as long each time the output stays still (to {@link #LONGEST_READ_CHECK}): a long quiet
         * computation is looked at a few times. A port it never named is a program's own business (a Jupyter
         * kernel's, a test run's server), which the build or the notebook it serves is still quietly at work with;
         * and twice the quiet period, not once, gives one that named it a moment to print again.
         */
        String serverStarted(long now) {
            if (now < serverCheckAt()) {
                return null;
            }
            serverCheckedAt = now;
            serverChecks++;
            return announcedServer();
        }

        /**
         * What listens at the front of the terminal on a port the command's output or the command itself names
         * ({@code --port 8080}, {@code -L 8080:localhost:80}: a server that prints nothing of it, or prints to a
         * log); else null.
         */
        String announcedServer() {
            List<TerminalServers.Listening> listening = transport.listening();
            if (listening.isEmpty()) {
                return null;
            }
            String named = kept.text() + "\n" + typed;
            return listening.stream().filter(l -> Pattern.compile("(?<!\\d)" + l.port() + "(?!\\d)")
                    .matcher(named).find()).findFirst().map(TerminalServers.Listening::describe).orElse(null);
        }

        /** when {@link #serverStarted} next asks; never while the plan has something left to type */
        long serverCheckAt() {
            if (!typesNothingMore()) {
                return Long.MAX_VALUE;
            }
            long still = 2 * settings.quietPeriod().toNanos();
            long since = Math.min(LONGEST_READ_CHECK, still << Math.min(serverChecks, 20));
            return Math.max(lastOutputAt + still, serverCheckedAt + since);
        }

        /** Whether the plan has nothing left to type into the command, nor an answer due. */
        boolean typesNothingMore() {
            return due == null && nextInteraction >= interactions.size();
        }

        /**
         * The last line shown since the last answer, when the plan still has a prompt to answer: the program waits
         * there in a read of the terminal, though no prompt of the plan's showed (reworded: "Hit enter to notify
         * mailman owner..." where the guide shows its test list's); else null.
         */
        String unansweredLine() {
            if (nextInteraction >= interactions.size()) {
                return null;
            }
            String last = lastLineSinceAnswer();
            return last.isBlank() ? null : last.strip();
        }

        /**
         * Types what the transcript shows after the question the program waits at in a read of the terminal, where
         * it shows one ({@link ShownAnswers}); whether it did. The plan's next answer stays next. Only once the
         * program is seen reading, not at a still prompt-like line alone: the guide's text typed where nothing reads
         * it would go to the shell once the program ends.
         */
        boolean answeredAsShown(long now) {
            Interaction shownAnswer = shownAnswers.take(lastLineSinceAnswer());
            if (shownAnswer == null) {
                shownAnswer = shownLineDue();
            }
            if (shownAnswer == null) {
                return false;
            }
            due = shownAnswer;
            dueIndex = STANDING;
            answer(now);
            return true;
        }

        /**
         * The line the transcript shows next where the program, having asked nothing, would read it at the start of
         * a line ({@link ShownAnswers#nextLine}: bc's {@code 2+3}, what {@code sort} is given before Ctrl-D); null
         * where the plan still has something to type but that end, or the output has as many lines as the
         * transcript shows (a look at them would be for nothing).
         */
        private Interaction shownLineDue() {
            if (lineDueFor == kept.bytes() && lineDueBefore == nextInteraction) {
                return lineDue; // asked at every wake-up: looked for again only once something changed
            }
            lineDueFor = kept.bytes();
            lineDueBefore = nextInteraction;
            lineDue = !(typesNothingMore() || nextEndsInputUnasked()) || kept.cut()
                    || kept.lineEnds() >= shownAnswers.size() || !lastLineSinceAnswer().isBlank() ? null
                    : shownAnswers.nextLine(TerminalText.lines(kept.text()));
            return lineDue;
        }

        /** The last line when it looks like a prompt and no interaction answers it; else null. */
        String waitingAt() {
            if (due != null) {
                return null;
            }
            String last = lastLineSinceAnswer();
            return TerminalText.looksLikePrompt(last) ? last : null;
        }

        void interrupt(Status status, long now) {
            if (opened != null) {
                // from here on any sentinel means a set-up shell is back at its prompt: searched for in what comes
                waitingLine = status == Status.SHELL_UNANSWERED ? opened.lastWords() : null;
                raw.setLength(0);
                searchFrom = 0;
                answeredUpTo = 0;
                shown = 0;
            }
            interruptedAs = status;
            interruptStartedAt = now;
            escalations = 0;
            escalate(now);
        }

        /**
         * Ctrl-C; then Ctrl-C again, Ctrl-D (a REPL leaves on end of input, the shell ignores it), Ctrl-\ ...
         * one a second until {@link ShellSettings#interruptWait()}. False when that time is up. A pager found
         * reading the terminal ({@code less} of a file longer than the screen) is first given its q, as it takes
         * none of those keys as an end: the shell was lost with it.
         */
        boolean escalate(long now) {
            if (now - interruptStartedAt >= settings.interruptWait().toNanos()) {
                return false;
            }
            // a pager's q comes first, the usual keys after it
            int key = interruptedAs == Status.READING_SILENTLY && QUIT_BY_Q.contains(waitingLine) ? escalations - 1
                    : escalations;
            typeByte(key < 0 ? (byte) 'q' : INTERRUPT_KEYS[Math.min(key, INTERRUPT_KEYS.length - 1)]);
            escalations++;
            nextEscalationAt = now + TimeUnit.SECONDS.toNanos(1);
            return true;
        }

        long nextWakeUp(long deadline) {
            long wake = interruptedAs != null ? nextEscalationAt : deadline;
            if (interruptedAs == null) {
                if (answerDueAt != 0) {
                    wake = Math.min(wake, answerDueAt);
                }
                long quietEnds = lastOutputAt + settings.quietPeriod().toNanos();
                // once it has passed without a prompt-like last line, only new output can change that: no wake-up
                // for it, or the poll returns at once, again and again, until the command ends (a silent sleep 30)
                long now = System.nanoTime();
                if (quietEnds > now) {
                    wake = Math.min(wake, quietEnds);
                }
                if (stopsWhenStill()) {
                    wake = Math.min(wake, stopAt());
                }
                if (typesUnasked()) {
                    wake = Math.min(wake, unaskedReadCheckAt());
                }
                if (opened != null) {
                    wake = Math.min(wake, openedGivesUpAt());
                } else {
                    wake = Math.min(wake, Math.min(silentReadCheckAt(now), serverCheckAt()));
                    if (opensShell && lastOutputAt + settings.settle().toNanos() > now) {
                        wake = Math.min(wake, lastOutputAt + settings.settle().toNanos());
                    }
                }
            }
            return wake;
        }

        CommandResult result(int exit, long started) {
            String echo = typed.replace("\n", "\r\n");
            String text = kept.text();
            if (opened != null) {
                // up to the prompt of the shell it opened: the shell that took the next command is ready, not done
                text = text.substring(0, text.lastIndexOf('\n') + 1);
            }
            // a program (stty sane, a crashed full-screen one) may have turned echo back on; or the command printed
            // itself (exit prints "exit"): the terminal says which
            if (text.startsWith(echo) && !ownCommand && terminalEchoes()) {
                text = text.substring(echo.length());
                echoing = true;
            }
            String output = TerminalText.foldLineEnds(text);
            return new CommandResult(interruptedAs == null ? Status.COMPLETED : interruptedAs, exit, output, cwd,
                    waitingLine != null ? waitingLine : TerminalText.lastNonBlankLine(output),
                    Duration.ofNanos(System.nanoTime() - started), kept.cut());
        }

        CommandResult lost(long started) {
            showUpTo(raw.length());
            alive = false;
            if (lostReason == null) {
                lostReason = transport.endReason();
            }
            String output = TerminalText.foldLineEnds(kept.text());
            return new CommandResult(Status.DISCONNECTED, -1, output, null, TerminalText.lastNonBlankLine(output),
                    Duration.ofNanos(System.nanoTime() - started), kept.cut());
        }
    }

    /**
     * Whether the terminal echoes what is typed, as {@code stty -a} lists its flags ({@code echo}, not {@code -echo});
     * asked only when a command's output begins as its echo would. What came after the last sentinel is kept for
     * the next command.
     */
    private boolean terminalEchoes() {
        String after = carry;
        carry = "";
        CommandResult flags = ownCommand("stty -a");
        carry = after + carry;
        return ECHO_ON.matcher(flags.output()).find();
    }

    /** Turns the terminal's echo off again, swallowing the command's own echo and sentinel. */
    private void silenceEcho() {
        echoing = false;
        ownCommand("stty -echo");
    }

    private CommandResult ownCommand(String command) {
        ownCommand = true;
        try {
            return run(command, List.of(), settings.startTimeout(), null);
        } finally {
            ownCommand = false;
        }
    }

    /** {@code STATUS:PWD}: remembers the cwd, returns the status */
    private int parseSentinel(String body) {
        int colon = body.indexOf(':');
        cwd = body.substring(colon + 1);
        try {
            return Integer.parseInt(body.substring(0, colon));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The command runs on in this terminal, which the session keeps for it: the guide goes on in another
     * ({@link Interaction#leave}), or the command is a server that nothing stops ({@code server}, what it is).
     */
    private CommandResult leftRunning(Run run, long started, String server) {
        holding = true;
        heldServer = server;
        CommandResult left = run.result(0, started);
        drainWhileHeld();
        return left;
    }

    /**
     * Reads and drops what the command left running prints from now on, as the reader's other terminal would show
     * it to nobody: unread, it would fill the terminal and stop the command at its next write.
     */
    private void drainWhileHeld() {
        Thread drain = new Thread(() -> {
            try {
                while (alive && poll(TimeUnit.MILLISECONDS.toNanos(200)) != END_OF_STREAM) {
                    // dropped
                }
            } catch (RuntimeException closedMeanwhile) {
                // the run's end hung the terminal up while it was read: nothing is left to drop
            }
        }, "rehearse-held-terminal");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * What the terminal shows next, waiting {@code nanos} at most: null when nothing came in that time (or an
     * {@link #interrupt()} woke it), {@link #END_OF_STREAM} once the output has ended.
     */
    private String poll(long nanos) {
        int n = screen.read(readBuffer, Math.max(0, nanos));
        if (n < 0) {
            return END_OF_STREAM;
        }
        undecoded.put(readBuffer, 0, n).flip();
        utf8.decode(undecoded, decoded, false);
        undecoded.compact();
        String text = decoded.flip().toString();
        decoded.clear();
        return text.isEmpty() ? null : text;
    }

    private boolean type(String text) {
        try {
            keyboard.write(text.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void typeByte(byte key) {
        try {
            keyboard.write(key);
            keyboard.flush();
        } catch (IOException e) {
            // the stream's end shows up on the reader side
        }
    }

    @Override
    public void interrupt() {
        interrupted = true;
        screen.wake();
    }

    /** the shell's working directory after the last command */
    public String cwd() {
        return cwd;
    }

    public boolean isAlive() {
        return alive && transport.isOpen();
    }

    @Override
    public boolean holdsACommand() {
        return holding && alive;
    }

    @Override
    public Optional<String> heldServer() {
        return holdsACommand() ? Optional.ofNullable(heldServer) : Optional.empty();
    }

    @Override
    public String lostReason() {
        return lostReason != null ? lostReason : transport.endReason();
    }

    @Override
    public void close() {
        alive = false;
        transport.close();
        screen.close();
    }
}
