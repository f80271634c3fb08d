package dev.rehearse.targets.toy;

import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.Transport;
import dev.rehearse.testing.ScriptedTransport.Script;
import dev.rehearse.testing.ScriptedTransport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretend host: its login shell is a {@link ScriptedTransport} that knows four commands, its files live in a
 * map. {@link ShellTarget} keeps the session; this class only says how a shell is reached and how files move.
 */
class ToyTarget extends ShellTarget {
    private final TargetFacts facts;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private volatile String cwd;

    ToyTarget(String user) {
        this.facts = new TargetFacts(user, "toybox", "/home/" + user, user + ".toybox.test");
        this.cwd = facts.home();
    }

    @Override
    protected Transport startShell() {
        return new ScriptedTransport(facts.home(), this::play);
    }

    @Override
    protected ShellSettings shellSettings() {
        return ShellSettings.DEFAULT;
    }

    /** What the pretend shell does with a typed command. */
    private Script play(String command) {
        String[] words = command.split(" ", 2);
        String rest = words.length > 1 ? words[1].replace("'", "").replace("\"", "") : "";
        return switch (words[0]) {
            case "echo" -> Script.prints(rest + "\n").exit(0);
            case "whoami" -> Script.prints(facts.user() + "\n").exit(0);
            case "cd" -> {
                cwd = TargetPaths.resolve(rest.isEmpty() ? "~" : rest, facts.home(), cwd);
                yield new Script().cd(cwd).exit(0);
            }
            case "cat" -> {
                String content = files.get(TargetPaths.resolve(rest, facts.home(), cwd));
                yield content != null ? Script.prints(content).exit(0)
                        : Script.prints("cat: " + rest + ": No such file or directory\n").exit(1);
            }
            default -> null;
        };
    }

    @Override
    public String describe() {
        return "toy " + facts.user() + "@" + facts.host();
    }

    @Override
    public TargetFacts facts() {
        return facts;
    }

    @Override
    public Optional<String> readFile(String path) {
        return Optional.ofNullable(files.get(TargetPaths.resolve(path, facts.home(), facts.home())));
    }

    @Override
    public void writeFile(String path, String content) {
        files.put(TargetPaths.resolve(path, facts.home(), facts.home()), content);
    }

    Map<String, String> files() {
        return files;
    }

    @Override
    public void close() {
        closeSession();
    }
}
