import dev.rehearse.model.CommandResult;
import dev.rehearse.targets.shell.PtyTransport;
import dev.rehearse.targets.shell.ShellSession;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.TerminalPrograms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * bench-peers' second rung on the JVM: the JVM loop's work done through Rehearse's own shell session, as a run's
 * steps go through it (the sentinel its shell prints after every command, with the command's status and folder;
 * the output read on a thread of its own; answers watched for, the terminal's text cleaned), on a bash behind a
 * terminal made as Rehearse makes one; no guide read, no plan, no check beyond the output's text, no report. Between
 * the JVM loop and Rehearse: what the session costs a step, and what the rest of a run does. Its argument: a file
 * of lines, a command then what it prints.
 */
public class SessionLoop {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        ShellSettings settings = ShellSettings.DEFAULT;
        try (ShellSession session = ShellSession.start(PtyTransport.start(
                List.of("bash", "--norc", "--noprofile", "--noediting"),
                Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("java.io.tmpdir"), "TERM", "dumb"),
                Path.of(System.getProperty("java.io.tmpdir")), settings.columns(), settings.rows(),
                TerminalPrograms.DESCENDANTS), settings)) {
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                CommandResult result = session.run(lines.get(i), List.of(), Duration.ofSeconds(10), shown -> {
                });
                String printed = result.output().strip();
                if (result.exit() != 0 || !printed.equals(lines.get(i + 1))) {
                    System.err.println("FAIL " + lines.get(i) + ": " + printed);
                    System.exit(1);
                }
            }
        }
    }
}
