package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ssh client configuration an admin already has ({@code ~/.ssh/config}, {@code /etc/ssh/ssh_config}, or a file
 * given as {@code ssh -F} takes it), applied to a target the way {@code ssh} itself would: a {@code Host} alias
 * becomes its HostName, Port and User, and its IdentityFile, UserKnownHostsFile, HostKeyAlias, IdentitiesOnly,
 * IdentityAgent, StrictHostKeyChecking accept-new and ServerAliveInterval are used.
 * <p>
 * OpenSSH evaluates the configuration ({@code ssh -G}), so Match blocks, Include, wildcards, negations and
 * first-value-wins behave exactly as for {@code ssh}; nothing is connected by that. What the command line gives
 * wins over the configuration, as with ssh. A host reached through ProxyJump or ProxyCommand is refused: Rehearse
 * connects directly, and would otherwise reach a different machine than ssh does.
 */
public final class SshClientConfig {
    /** ssh's own files; without an ssh client installed there is nothing of them to apply */
    static final SshClientConfig OWN_FILES = new SshClientConfig(null);

    /** What {@code ssh -G} lists when no IdentityFile is configured: then our own defaults apply. */
    private static final List<String> OPENSSH_DEFAULT_IDENTITIES = List.of("~/.ssh/id_rsa", "~/.ssh/id_ecdsa",
            "~/.ssh/id_ecdsa_sk", "~/.ssh/id_ed25519", "~/.ssh/id_ed25519_sk", "~/.ssh/id_xmss", "~/.ssh/id_dsa");
    private static final Duration EVALUATION_TIMEOUT = Duration.ofSeconds(10);
    /** How OpenSSH places an error in its configuration: "/home/robin/.ssh/config: line 3: Bad configuration ..." */
    private static final Pattern OPENSSH_ERROR_AT = Pattern.compile("(.+?):? line (\\d+): (.+)");

    private final Path file;

    private SshClientConfig(Path file) {
        this.file = file;
    }

    /** The configuration in {@code file} alone, as {@code ssh -F file}; {@code none} reads no file at all. */
    public static SshClientConfig of(Path file) {
        return new SshClientConfig(file);
    }

    /** The address ssh would connect to for {@code spec}, and the options with the configuration applied. */
    record Applied(SshAddress address, SshOptions options) {
    }

    /** The address and options for {@code spec}: with the options' ssh configuration applied, if they have one. */
    static Applied applied(SshSpec spec, SshOptions options) {
        return options.clientConfig() == null ? new Applied(spec.withDefaults(), options)
                : options.clientConfig().apply(spec, options);
    }

    /**
     * @throws BadInput when the configuration has an error (OpenSSH's own {@code file:line: ...} message), reaches the
     *                  host through a proxy, or cannot be read because no ssh client is installed
     */
    Applied apply(SshSpec spec, SshOptions options) {
        Map<String, List<String>> effective = evaluate(spec);
        if (effective == null) {
            return new Applied(spec.withDefaults(), options.withoutClientConfig());
        }
        for (String proxy : List.of("proxyjump", "proxycommand")) {
            String through = first(effective, proxy);
            if (through != null && !through.equals("none")) {
                throw new BadInput("ssh://" + spec.host(), 0, "the ssh configuration reaches this host through "
                        + proxy + " " + through + ", and Rehearse connects only directly: give the host it should "
                        + "reach instead");
            }
        }
        SshAddress address = new SshAddress(first(effective, "user"), first(effective, "hostname"),
                Integer.parseInt(first(effective, "port")));
        Tokens tokens = new Tokens(spec.host(), address, options.sshDir().getParent());
        List<Path> identities = options.identities();
        List<String> identityFiles = effective.getOrDefault("identityfile", List.of());
        if (identities.isEmpty() && !identityFiles.equals(OPENSSH_DEFAULT_IDENTITIES)) {
            // as ssh, a configured key file that is not there is passed over
            identities = identityFiles.stream().map(tokens::expand).filter(Files::isReadable).toList();
        }
        Path knownHosts = options.knownHosts();
        String userKnownHosts = first(effective, "userknownhostsfile");
        if (knownHosts == null && userKnownHosts != null) {
            knownHosts = Path.of(userKnownHosts.split(" ")[0]);
        }
        Path agent = options.agentSocket();
        String identityAgent = first(effective, "identityagent");
        if ("yes".equals(first(effective, "identitiesonly")) || "none".equals(identityAgent)) {
            agent = null;
        } else if (identityAgent != null && !identityAgent.equals("SSH_AUTH_SOCK")) {
            agent = tokens.expand(identityAgent);
        }
        String strict = first(effective, "stricthostkeychecking");
        boolean acceptNew = options.acceptNew() || "accept-new".equals(strict);
        Duration alive = options.serverAliveInterval();
        String aliveSeconds = first(effective, "serveraliveinterval");
        if (aliveSeconds != null && Integer.parseInt(aliveSeconds) > 0) {
            alive = Duration.ofSeconds(Integer.parseInt(aliveSeconds));
        }
        String alias = first(effective, "hostkeyalias");
        return new Applied(address, new SshOptions(identities, options.sshDir(), knownHosts, acceptNew, agent, alive,
                alias != null ? alias : options.hostKeyAlias(), null, options.notices()));
    }

    /** {@code ssh -G}'s answer, keyword to values; null when there is no ssh client to ask and no file was named. */
    private Map<String, List<String>> evaluate(SshSpec spec) {
        List<String> command = new ArrayList<>(List.of("ssh", "-G"));
        if (file != null) {
            command.addAll(List.of("-F", file.toString()));
        }
        if (spec.user() != null) {
            command.addAll(List.of("-l", spec.user()));
        }
        if (spec.port() != null) {
            command.addAll(List.of("-p", spec.port().toString()));
        }
        // the host last, after "--" (and SshSpec admits no leading dash): it can never be read as an option
        command.addAll(List.of("--", spec.host()));
        Process ssh;
        try {
            ssh = new ProcessBuilder(command).start();
        } catch (IOException notInstalled) {
            if (file == null) {
                return null;
            }
            throw new BadInput(file.toString(), 0, "reading an ssh configuration needs OpenSSH's ssh client "
                    + "(ssh -G), which is not installed");
        }
        try {
            ssh.getOutputStream().close();
            String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(ssh.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ssh.waitFor(EVALUATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ssh.destroyForcibly();
                throw new BadInput("ssh://" + spec.host(), 0, "ssh -G did not answer in "
                        + EVALUATION_TIMEOUT.toSeconds() + " s (a Match exec in the ssh configuration?)");
            }
            if (ssh.exitValue() != 0) {
                String firstLine = err.strip().lines().findFirst().orElse("ssh -G exited with " + ssh.exitValue());
                Matcher at = OPENSSH_ERROR_AT.matcher(firstLine);
                if (at.matches()) {
                    throw new BadInput(at.group(1), Integer.parseInt(at.group(2)), at.group(3));
                }
                throw new BadInput(file != null ? file.toString() : "ssh configuration", 0, firstLine);
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            out.lines().forEach(line -> {
                int space = line.indexOf(' ');
                if (space > 0) {
                    values.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
                            .add(line.substring(space + 1));
                }
            });
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ssh.destroyForcibly();
            throw new IllegalStateException("interrupted while reading the ssh configuration", e);
        }
    }

    private static String first(Map<String, List<String>> values, String keyword) {
        List<String> all = values.get(keyword);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    /** ssh_config's TOKENS in a path, as ssh expands them in IdentityFile and IdentityAgent, and a leading {@code ~}. */
    private record Tokens(String alias, SshAddress address, Path home) {
        Path expand(String path) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            if (path.equals("~") || path.startsWith("~/")) {
                out.append(home);
                i = 1;
            }
            for (; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c != '%' || i + 1 == path.length()) {
                    out.append(c);
                    continue;
                }
                char token = path.charAt(++i);
                out.append(switch (token) {
                    case '%' -> "%";
                    case 'd' -> home.toString();
                    case 'h' -> address.host();
                    case 'n' -> alias;
                    case 'p' -> Integer.toString(address.port());
                    case 'r' -> address.user();
                    case 'u' -> System.getProperty("user.name");
                    default -> throw new BadInput(path, 0, "the ssh configuration's %" + token + " is not one "
                            + "Rehearse expands (it knows %%, %d, %h, %n, %p, %r and %u)");
                });
            }
            return Path.of(out.toString());
        }
    }
}
