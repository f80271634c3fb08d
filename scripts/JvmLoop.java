import com.pty4j.PtyProcessBuilder;
import dev.rehearse.targets.shell.NativeLibraries;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bench-peers' floor on the JVM: the pexpect loop's work done by a JVM through pty4j, as Rehearse drives its shell
 * (one bash behind a PTY, each command typed and its output read up to a prompt, compared with what it should print).
 * What any JVM tool that answers prompts pays at least. Its argument: a file of lines, a command then what it prints.
 */
public class JvmLoop {
    private static final String PROMPT = "JVM-LOOP-PROMPT> ";
    private static final StringBuilder SEEN = new StringBuilder();

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "dumb");
        // pty4j's native library from Rehearse's cache, as Rehearse loads it, not unpacked anew into /tmp
        NativeLibraries.useCache();
        var bash = new PtyProcessBuilder(new String[]{"bash", "--norc", "--noprofile", "--noediting"})
                .setEnvironment(env).setRedirectErrorStream(true).start();
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
