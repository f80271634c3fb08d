import dev.rehearse.targets.shell.PtyTransport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * bench-peers' floor on the JVM: the pexpect loop's work done by a JVM on a terminal made as Rehearse makes its
 * shell's (util-linux's script, spoken to through pipes: {@link PtyTransport#onANewTerminal}), one bash behind it,
 * each command typed and its output read up to a prompt, compared with what it should print; read on the main thread
 * with blocking reads, where Rehearse hands the output over from a thread of its own to read with a time limit.
 * What any JVM tool that answers prompts pays at least. Its argument: a file of lines, a command then what it prints.
 */
public class JvmLoop {
    private static final String PROMPT = "JVM-LOOP-PROMPT> ";
    private static final StringBuilder SEEN = new StringBuilder();

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        ProcessBuilder builder = new ProcessBuilder(PtyTransport.onANewTerminal(
                List.of("bash", "--norc", "--noprofile", "--noediting"), 80, 24)).redirectErrorStream(true);
        builder.environment().put("TERM", "dumb");
        var bash = builder.start();
        Reader output = new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8);
        OutputStream keyboard = bash.getOutputStream();
        // the prompt split in two, so that the echo of this line (echo is still on) is not taken for it
        type(keyboard, "stty -echo; PS1='" + PROMPT.substring(0, 3) + "''" + PROMPT.substring(3) + "'; PS2=''");
        upToPrompt(output);
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            type(keyboard, lines.get(i));
            String printed = upToPrompt(output).replace("\r\n", "\n").strip();
            if (!printed.equals(lines.get(i + 1))) {
                System.err.println("FAIL " + lines.get(i) + ": " + printed);
                System.exit(1);
            }
        }
        type(keyboard, "exit");
        bash.waitFor();
    }

    private static void type(OutputStream keyboard, String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static String upToPrompt(Reader output) throws IOException {
        char[] buffer = new char[8192];
        int at;
        while ((at = SEEN.indexOf(PROMPT)) < 0) {
            int n = output.read(buffer);
            if (n < 0) {
                throw new EOFException("bash ended");
            }
            SEEN.append(buffer, 0, n);
        }
        String before = SEEN.substring(0, at);
        SEEN.delete(0, at + PROMPT.length());
        return before;
    }
}
