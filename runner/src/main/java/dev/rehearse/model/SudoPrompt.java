package dev.rehearse.model;

import java.util.regex.Pattern;

/**
 * sudo's question for the password of the user it runs as ({@code [sudo] password for isabell:}), which the guide's
 * secrets never answer: a guessed password is an attempt that fails against the account (pam_faillock locks it after
 * a few), on an admin's own host too. It is typed only where the run is given it ({@link #PASSWORD}); where a host
 * lets the user run sudo without one, it is not asked, and a transcript that shows it still matches.
 */
public final class SudoPrompt {
    /** the binding sudo's question takes its answer from: {@code --bind '<sudo password>=...'} */
    public static final String PASSWORD = "<sudo password>";
    /** why a step waits there, where the run was given no such password */
    public static final String UNANSWERED = "; sudo asks for the password of the run's user, which Rehearse types "
            + "only where the run is given it (--bind '" + PASSWORD + "=...'), or let the user run sudo without one";
    /** why a step waits there again, where the password the run was given was typed */
    public static final String REFUSED = "; sudo asked again: it did not take the password the run was given ("
            + PASSWORD + ")";
    private static final Pattern ASKS = Pattern.compile("\\s*\\[sudo] password for [^:\\s]+:\\s*");

    private SudoPrompt() {
    }

    /** whether the line is sudo's question */
    public static boolean asks(String line) {
        return ASKS.matcher(line).matches();
    }
}
