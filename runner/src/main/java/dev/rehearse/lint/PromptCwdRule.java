package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.plan.ShellOpeners;
import dev.rehearse.plan.TranscriptCommand;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A prompt whose directory contradicts what came before it in the block: the {@code cd} just typed
 * ({@code cd ~/synapse}, then {@code [isabell@stardust synape]$}) or the previous prompt when nothing in between
 * changes the directory. A prompt may show a directory in full ({@code ~/synapse}) or by its last part
 * ({@code synapse}). After a contradiction either reading is accepted until a prompt settles it, so that one
 * slip is one finding. A shell a command opens ({@code su - synapse}, {@code bash}) may start anywhere, and its
 * {@code exit} gives the directory of the shell it was opened from back.
 */
final class PromptCwdRule implements LintRule {

    /** What the shell's directory can be: a full path ({@code ~/x}, {@code /x}) or {@code * /name} with only the last part known. */
    private static final String PARTIAL = "*/";
    private static final Pattern LEAVES_SHELL = Pattern.compile("(exit|logout)(\\s.*)?");

    @Override
    public String name() {
        return "prompt-cwd";
    }

    @Override
    public List<Finding> check(LintedGuide guide) {
        List<Finding> findings = new ArrayList<>();
        String home = "/home/" + guide.user();
        for (LintedGuide.Session s : guide.sessions()) {
            Set<String> expected = Set.of();
            String because = null;
            Deque<Set<String>> openedFrom = new ArrayDeque<>();
            for (TranscriptCommand c : s.transcript().entries()) {
                String shown = c.prompt().cwd();
                if (shown != null) {
                    String cwd = shown.equals(home) || shown.startsWith(home + "/") ? "~" + shown.substring(home.length()) : shown;
                    List<String> agreeing = expected.stream().filter(e -> agrees(e, cwd)).toList();
                    if (!expected.isEmpty() && agreeing.isEmpty()) {
                        findings.add(finding(s.block().source(), c.line(), Finding.Level.WARNING,
                                "prompt shows " + shown + ", but " + because));
                        Set<String> either = new LinkedHashSet<>(expected);
                        either.add(known(cwd));
                        expected = either;
                    } else {
                        expected = Set.of(isFull(cwd) ? cwd : agreeing.isEmpty() ? known(cwd) : agreeing.get(0));
                    }
                    because = "the previous prompt (line " + c.line() + ") shows " + shown
                            + " and nothing since changes the directory";
                }
                if (!c.isEmpty() && ShellOpeners.opens(c.command())) {
                    if (!c.command().startsWith("exec")) {
                        openedFrom.push(expected);
                    }
                    expected = Set.of();
                } else if (!c.isEmpty() && LEAVES_SHELL.matcher(c.command()).matches() && !openedFrom.isEmpty()) {
                    expected = openedFrom.pop();
                    because = "\"" + c.command() + "\" (line " + c.line()
                            + ") goes back to the shell it was opened from, in " + String.join(" or ", expected);
                } else if (!c.isEmpty() && changesDirectory(c.command())) {
                    expected = afterCd(expected, c.command(), guide.user());
                    because = "\"" + c.command() + "\" (line " + c.line() + ") leaves the shell in "
                            + (expected.isEmpty() ? "?" : String.join(" or ", expected));
                }
            }
        }
        return findings;
    }

    private static boolean isFull(String cwd) {
        return cwd.startsWith("~") || cwd.startsWith("/");
    }

    private static String known(String cwd) {
        return isFull(cwd) ? cwd : PARTIAL + cwd;
    }

    private static String lastPart(String path) {
        String p = path.startsWith(PARTIAL) ? path.substring(PARTIAL.length()) : path;
        return p.equals("/") || !p.contains("/") ? p : p.substring(p.lastIndexOf('/') + 1);
    }

    private static boolean agrees(String expected, String shown) {
        if (expected.startsWith(PARTIAL) || !isFull(shown)) {
            return lastPart(expected).equals(lastPart(shown));
        }
        return expected.equals(shown);
    }

    private static boolean changesDirectory(String command) {
        return command.matches("(?s).*(^|[;&|(]\\s*)(cd|pushd|popd)(\\s.*|$)");
    }

    /**
     * Where a command that changes directory leaves the shell: a plain {@code cd DIR} (or {@code cd DIR && ...})
     * is followed; anything cleverer (a subshell, {@code popd}, {@code cd -}, a variable) makes it unknown.
     */
    private static Set<String> afterCd(Set<String> before, String command, String user) {
        String first = command.split("&&|;", 2)[0].strip();
        if (!first.matches("(cd|pushd)(\\s+\\S+)?") || command.substring(first.length()).matches("(?s).*\\b(cd|pushd|popd)\\b.*")) {
            return Set.of();
        }
        String[] words = first.split("\\s+");
        String target = words.length == 1 ? "~" : words[1].replaceAll("^[\"']|[\"']$", "");
        target = target.replaceFirst("^(\\$HOME|\\$\\{HOME})", "~").replaceAll("\\$USER|\\$\\{USER}", user);
        if (target.length() > 1) {
            target = target.replaceAll("/+$", "");
        }
        if (target.equals("-")) {
            return Set.of();
        }
        if (target.contains("$")) {
            String last = lastPart(target);
            return last.contains("$") ? Set.of() : Set.of(PARTIAL + last);
        }
        if (isFull(target)) {
            return Set.of(normalize(target));
        }
        Set<String> after = new LinkedHashSet<>();
        for (String dir : before) {
            if (isFull(dir)) {
                after.add(normalize(dir + "/" + target));
            }
        }
        if (after.isEmpty() && !target.contains("..")) {
            after.add(PARTIAL + lastPart(target));
        }
        return after;
    }

    /** Resolves {@code .} and {@code ..} and drops trailing slashes; a {@code ..} above {@code ~} or / stays. */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals(".") || part.isEmpty() && !parts.isEmpty()) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !List.of("", "~", "..").contains(parts.get(parts.size() - 1))) {
                parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        return joined.isEmpty() ? "/" : joined;
    }
}
