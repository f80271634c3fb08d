package dev.rehearse.targets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes a target's files as the run's user, on the target itself: a small POSIX sh script runs under
 * that user's identity ({@code runuser -u USER --}, {@code docker exec -u USER}, or plain {@code sh} when the run's
 * user is ours), so the kernel decides what may be read and written, and Rehearse's root never opens a path the
 * user controls. The script refuses a symbolic link (as the last part of the path) to a file the user does not own,
 * and a path that is there but no regular file (reading a FIFO waits for a writer, a device may never end, and a
 * rename onto a folder would put the file inside it), makes the temporary file private (0600) and then gives it the
 * old file's mode (or the umask's) while it is still empty, checks that all the content arrived before it renames
 * it over the file (a write cut short changes nothing), and removes its temporary file on every way out, and those
 * a killed write left.
 */
public final class UserFiles {
    /** What the script exits with when the file to read does not exist. */
    private static final int ABSENT = 5;
    /** What the script exits with when the target's {@code head} cannot read a number of bytes ({@code -c}). */
    private static final int NO_SIZED_READ = 6;
    static final String SCRIPT = """
            op=$1 file=$2 size=$3
            fail() { printf '%s\\n' "$*" >&2; exit 3; }
            if [ "$op" = write-sized ]; then
              head -c 0 </dev/null >/dev/null 2>&1 || exit 6
            fi
            case $file in /*) ;; *) fail "not an absolute path: $file" ;; esac
            if [ -L "$file" ]; then
              real=$(readlink -f -- "$file" 2>/dev/null) && [ -O "$real" ] ||
                fail "$file is a symbolic link to ${real:-$(readlink -- "$file")}, which the run's user does not own: not followed"
              file=$real
            fi
            if [ -e "$file" ] && [ ! -f "$file" ]; then
              fail "$file is no regular file (a folder, a FIFO, a socket or a device): left as it is"
            fi
            if [ "$op" = read ]; then
              [ -e "$file" ] || exit 5
              exec cat -- "$file"
            fi
            dir=${file%/*}; dir=${dir:-/}; base=${file##*/}
            err=$(mkdir -p -- "$dir" 2>&1) || fail "$err"
            for old in "$dir/.$base".*.rehearse-tmp; do
              if [ -f "$old" ] && [ ! -L "$old" ] && [ -O "$old" ]; then rm -f -- "$old"; fi
            done
            tmp=$dir/.$base.$$.rehearse-tmp
            trap 'rm -f -- "$tmp"' EXIT
            trap 'exit 4' HUP INT TERM PIPE
            mode=$(printf '%o' $((0666 & ~0$(umask))))
            [ -e "$file" ] && mode=$(stat -c %a -- "$file")
            set -C
            err=$( (umask 077; : > "$tmp") 2>&1) || { tmp=; fail "$err"; }
            set +C
            err=$(chmod "$mode" "$tmp" 2>&1) || fail "$err"
            if [ "$op" = write-sized ]; then
              err=$(head -c "$size" > "$tmp" 2>&1) || fail "$err"
            else
              err=$(cat > "$tmp" 2>&1) || fail "$err"
            fi
            [ "$(wc -c < "$tmp")" -eq "$size" ] || fail "the content of $file arrived cut short; nothing changed"
            sync -- "$tmp" 2>/dev/null
            err=$(mv -f -- "$tmp" "$file" 2>&1) || fail "$err"
            """;

    /** Runs a command line as the run's user on the target, {@code input} on its standard input. */
    @FunctionalInterface
    public interface Exec {
        Ran run(List<String> argv, byte[] input);
    }

    private final Exec exec;
    /** an exec that cannot end the command's input, for writes of a known length; or null */
    private final Exec sized;

    public UserFiles(Exec exec) {
        this(exec, null);
    }

    /**
     * @param sized a quicker way to run the script that cannot close its standard input (the Docker client's exec
     *              on a hijacked connection): a write through it reads exactly the content's length ({@code head -c},
     *              not POSIX but in GNU, BusyBox and the BSDs), and goes through {@code exec} where the target has
     *              no such {@code head} or the way cannot carry input
     */
    public UserFiles(Exec exec, Exec sized) {
        this.exec = exec;
        this.sized = sized;
    }

    /** @param asUser the start of a local command line that runs what follows as the run's user on the target */
    public static UserFiles startingWith(List<String> asUser) {
        return startingWith(asUser, Map.of());
    }

    /** As {@link #startingWith(List)}, the command line run with {@code env} added to this process's environment. */
    public static UserFiles startingWith(List<String> asUser, Map<String, String> env) {
        return new UserFiles(locally(asUser, env));
    }

    /** The local command line {@code asUser} followed by the script's, run with {@code env} added. */
    public static Exec locally(List<String> asUser, Map<String, String> env) {
        List<String> prefix = List.copyOf(asUser);
        Map<String, String> added = Map.copyOf(env);
        return (argv, input) -> {
            List<String> all = new ArrayList<>(prefix);
            all.addAll(argv);
            return runLocally(all, added, input);
        };
    }

    /** The file's content, or empty when it does not exist; {@code file} is absolute. */
    public Optional<String> read(String file) {
        Ran ran = run("read", file, new byte[0]);
        if (ran.exit == ABSENT) {
            return Optional.empty();
        }
        ran.requireSuccess("read " + file);
        return Optional.of(ran.out);
    }

    /** Replaces {@code file} (absolute) with {@code content}, missing folders made, as described above. */
    public void write(String file, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (sized != null) {
            Ran ran = sizedWrite(file, bytes);
            if (ran != null) {
                ran.requireSuccess("write " + file);
                return;
            }
        }
        run("write", file, bytes).requireSuccess("write " + file);
    }

    /**
     * The write through {@link #sized}, or null where it cannot be done that way. A write cut short changes
     * nothing (the script checks the length before its rename), so going the other way after it is safe.
     */
    private Ran sizedWrite(String file, byte[] bytes) {
        try {
            Ran ran = sized.run(argv("write-sized", file, bytes), bytes);
            return ran.exit == NO_SIZED_READ ? null : ran;
        } catch (UncheckedIOException | UnsupportedOperationException cannotCarryInput) {
            return null;
        }
    }

    /** {@code argv} as one line a POSIX shell reads back word for word (what an SSH server hands to the login shell). */
    public static String commandLine(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(arg.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }

    private Ran run(String op, String file, byte[] input) {
        return exec.run(argv(op, file, input), input);
    }

    private static List<String> argv(String op, String file, byte[] input) {
        return List.of("sh", "-c", SCRIPT, "sh", op, file, String.valueOf(input.length));
    }

    private static Ran runLocally(List<String> argv, Map<String, String> env, byte[] input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().putAll(env);
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException closedEarly) {
                // the script refused before reading: its message says why
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(argv.get(0) + " gave no answer in 60 s");
            }
            return new Ran(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + argv.get(0) + " ran");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** What the script did. */
    public record Ran(int exit, String out, String err) {
        /** @throws IllegalStateException with the script's one-line reason when it did not succeed */
        public void requireSuccess(String doing) {
            if (exit != 0) {
                String why = err.strip().lines().reduce((a, b) -> b).orElse("exit status " + exit);
                throw new IllegalStateException("cannot " + doing + " as the run's user: " + why);
            }
        }
    }
}
