package dev.rehearse.model;

import java.util.regex.Pattern;

/**
 * A question for an account's password: sudo's for the run user's own ({@code [sudo] password for isabell:}), su's
 * for the user it switches to ({@code Password:} after {@code su -}). The guide's secrets never answer it: a guessed
 * password is an attempt that fails against the account (pam_faillock locks it after a few), on an admin's own host
 * too. It is typed only where the run is given it ({@link #binding()}).
 */
public enum AccountPassword {
    SUDO("sudo", "the password of the run's user", ", or let the user run sudo without one", ".*",
            "\\[sudo] password for [^:\\s]+:"),
    SU("su", "the password of the user it switches to", "", "(?:exec\\s+)?su(?:\\s.*)?", "Password:");

    private final String program;
    private final String whose;
    private final String otherwise;
    private final Pattern command;
    private final Pattern asks;

    AccountPassword(String program, String whose, String otherwise, String command, String asks) {
        this.program = program;
        this.whose = whose;
        this.otherwise = otherwise;
        this.command = Pattern.compile("\\s*" + command + "\\s*", Pattern.DOTALL);
        this.asks = Pattern.compile("\\s*" + asks + "\\s*");
    }

    /** The question the line asks after the command typed, or null for none of these. */
    public static AccountPassword askedAt(String command, String line) {
        for (AccountPassword question : values()) {
            if (question.asks.matcher(line).matches() && question.command.matcher(command).matches()) {
                return question;
            }
        }
        return null;
    }

    /**
     * Whether the line is sudo's question, which sudo asks only when it has no fresh credentials and never of a user
     * it lets in without a password: a transcript that shows it still matches where it is not asked.
     */
    public static boolean isSudos(String line) {
        return SUDO.asks.matcher(line).matches();
    }

    /** Whether an answer is to come from one of these questions' bindings, which nothing guesses. */
    public static boolean isItsBinding(String binding) {
        for (AccountPassword question : values()) {
            if (question.binding().equals(binding)) {
                return true;
            }
        }
        return false;
    }

    /** the binding the question takes its answer from: {@code --bind '<sudo password>=...'} */
    public String binding() {
        return "<" + program + " password>";
    }

    /** why a step waits there, where the run was given no such password */
    public String unanswered() {
        return "; " + program + " asks for " + whose + ", which Rehearse types only where the run is given it (--bind '"
                + binding() + "=...')" + otherwise;
    }

    /** why a step waits there again, where the password the run was given was typed */
    public String refused() {
        return "; " + program + " asked again: it did not take the password the run was given (" + binding() + ")";
    }
}
