package dev.rehearse.targets.shell;

import java.time.Duration;

/**
 * How a {@link ShellSession} sets up its terminal and how patient it is.
 *
 * @param term          TERM inside the session; {@code dumb} keeps colours and cursor games out of the output
 * @param columns       terminal width (psql and friends format to it)
 * @param rows          terminal height
 * @param quietPeriod   how long a command may sit silent at a prompt-like last line before it counts as waiting
 *                      for input nobody will type
 * @param settle        how long output must be still before an answer is typed (some programs flush pending
 *                      input when they switch the terminal to no-echo right after printing their prompt)
 * @param startTimeout  the most the login shell may take to come up
 * @param interruptWait how long to wait for the shell after interrupting a command before giving it up for lost
 */
public record ShellSettings(String term, int columns, int rows, Duration quietPeriod, Duration settle,
                            Duration startTimeout, Duration interruptWait) {

    public static final ShellSettings DEFAULT = new ShellSettings("dumb", 160, 50, Duration.ofMillis(2500),
            Duration.ofMillis(40), Duration.ofSeconds(30), Duration.ofSeconds(8));

    public ShellSettings withQuietPeriod(Duration quietPeriod) {
        return new ShellSettings(term, columns, rows, quietPeriod, settle, startTimeout, interruptWait);
    }
}
