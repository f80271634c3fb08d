package dev.rehearse.targets.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.rehearse.guide.BadInput;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An OpenSSH {@code known_hosts} file as JSch's host key check sees it, read the way {@code ssh} reads it
 * (plain and hashed names, {@code [host]:port}, wildcards, negations, {@code @revoked}) and decided the way
 * {@code ssh -o StrictHostKeyChecking=yes} (or {@code accept-new}) decides: a known key passes, an unknown one
 * is refused (or, with accept-new, appended to the file), and a key that differs from the one on file for the
 * same host and key type is always refused. Each refusal is kept as a one-line {@link BadInput} that points at
 * the file (and, for a changed key, at the line that holds the old key), because JSch's own exceptions say
 * neither.
 */
final class KnownHostsFile implements HostKeyRepository {
    private final Path file;
    private final boolean acceptNew;
    private final Consumer<String> notices;
    private BadInput refusal;

    /**
     * @param acceptNew record a host that is not in the file at all, as OpenSSH's accept-new does
     * @param notices   receives the line OpenSSH prints when it records a key
     */
    KnownHostsFile(Path file, boolean acceptNew, Consumer<String> notices) {
        this.file = file;
        this.acceptNew = acceptNew;
        this.notices = notices;
    }

    /** Why the last check refused the host's key, or null when it did not. */
    BadInput refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        String type = keyType(key);
        String offered = describe(type, key);
        List<Entry> entries = read();
        for (Entry e : entries) {
            if (e.revoked() && e.matches(host) && Arrays.equals(e.key(), key)) {
                refusal = new BadInput(file.toString(), e.line(), "the host key of " + host + " (" + offered
                        + ") is marked @revoked here; refusing to connect");
                return CHANGED;
            }
        }
        Entry changed = null;
        for (Entry e : entries) {
            if (e.plain() && e.matches(host) && e.type().equals(type)) {
                if (Arrays.equals(e.key(), key)) {
                    return OK;
                }
                changed = changed == null ? e : changed;
            }
        }
        if (changed != null) {
            refusal = new BadInput(file.toString(), changed.line(), "REMOTE HOST IDENTIFICATION HAS CHANGED for "
                    + host + ": the server now offers " + offered + ", but this line holds a different "
                    + changed.type() + " key. Someone could be eavesdropping on you (man-in-the-middle), or the "
                    + "host key has just been changed. Refusing to connect; if the change is expected, remove "
                    + "the old key: ssh-keygen -R '" + host + "' -f " + file);
            return CHANGED;
        }
        if (acceptNew) {
            record(host, type, key);
            return OK;
        }
        refusal = new BadInput(file.toString(), 0, "the host key of " + host + " (" + offered + ") is not known; "
                + "refusing to connect. Check the fingerprint, then run again with --accept-new to record it");
        return NOT_INCLUDED;
    }

    /** Appends the key as {@code ssh} does for accept-new: a plain line at the end; nothing else changes. */
    private void record(String host, String type, byte[] key) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline();
            String line = (needsNewline ? "\n" : "") + host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
            // An append is how ssh records a key: existing lines stay where they are, so nothing needs a backup.
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the host key of " + host + " in " + file, e);
        }
        notices.accept("Warning: Permanently added '" + host + "' (" + displayType(type) + ") to the list of known hosts ("
                + file + ").");
    }

    private boolean endsWithNewline() throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all[all.length - 1] == '\n';
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // JSch adds keys only under StrictHostKeyChecking=no or ask, which Rehearse never sets.
        throw new UnsupportedOperationException("host keys are recorded only through accept-new");
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("Rehearse never removes known host keys");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("Rehearse never removes known host keys");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return toHostKeys(read(), null, null);
    }

    /** What JSch asks to prefer the key types already on file for this host, and to look for revoked keys. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        return toHostKeys(read(), host, type);
    }

    private static HostKey[] toHostKeys(List<Entry> entries, String host, String type) {
        List<HostKey> keys = new ArrayList<>();
        for (Entry e : entries) {
            if ((host == null || e.matches(host)) && (type == null || e.type().equals(type)) && !e.certAuthority()) {
                try {
                    keys.add(new HostKey(e.marker(), host != null ? host : e.hosts(), HostKey.GUESS, e.key(), null));
                } catch (JSchException unknownType) {
                    // a key type JSch does not know cannot be negotiated either: leave it out
                }
            }
        }
        return keys.toArray(new HostKey[0]);
    }

    private List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry e = Entry.parse(i + 1, lines.get(i).strip());
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    /** The key type named at the start of an SSH public key blob, e.g. {@code ssh-ed25519}. */
    static String keyType(byte[] blob) {
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    /** {@code ED25519 key SHA256:...}, how ssh names a key to a person. */
    static String describe(String type, byte[] key) {
        return displayType(type) + " key " + fingerprint(key);
    }

    static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String displayType(String type) {
        if (type.equals("ssh-ed25519")) {
            return "ED25519";
        }
        if (type.equals("ssh-rsa")) {
            return "RSA";
        }
        if (type.startsWith("ecdsa-")) {
            return "ECDSA";
        }
        return type;
    }

    /** One key line: {@code [@marker] hostpatterns keytype base64key [comment]}. */
    private record Entry(int line, String marker, String hosts, String type, byte[] key) {

        static Entry parse(int line, String text) {
            if (text.isEmpty() || text.startsWith("#")) {
                return null;
            }
            String[] f = text.split("\\s+");
            int at = f[0].startsWith("@") ? 1 : 0;
            if (f.length < at + 3) {
                return null;
            }
            try {
                return new Entry(line, at == 1 ? f[0] : null, f[at], f[at + 1], Base64.getDecoder().decode(f[at + 2]));
            } catch (IllegalArgumentException notBase64) {
                return null; // ssh skips a line it cannot read, and so do we
            }
        }

        boolean revoked() {
            return "@revoked".equals(marker);
        }

        boolean certAuthority() {
            return "@cert-authority".equals(marker);
        }

        boolean plain() {
            return marker == null;
        }

        /** As OpenSSH's match_hostname: any positive pattern matches and no negated one does; or the hash fits. */
        boolean matches(String host) {
            if (hosts.startsWith("|1|")) {
                return hashedNameMatches(host);
            }
            String name = host.toLowerCase(Locale.ROOT);
            boolean any = false;
            for (String pattern : hosts.toLowerCase(Locale.ROOT).split(",")) {
                boolean negated = pattern.startsWith("!");
                if (wildcardMatch(negated ? pattern.substring(1) : pattern, name)) {
                    if (negated) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        /** {@code |1|salt|hash}: the hash is HMAC-SHA1 of the name keyed with the salt (ssh's HashKnownHosts). */
        private boolean hashedNameMatches(String host) {
            String[] parts = hosts.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
                byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(hash, Base64.getDecoder().decode(parts[3]));
            } catch (IllegalArgumentException | GeneralSecurityException unreadable) {
                return false;
            }
        }

        private static boolean wildcardMatch(String pattern, String name) {
            return wildcardMatch(pattern, 0, name, 0);
        }

        private static boolean wildcardMatch(String p, int pi, String s, int si) {
            if (pi == p.length()) {
                return si == s.length();
            }
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (wildcardMatch(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            return si < s.length() && (c == '?' || c == s.charAt(si)) && wildcardMatch(p, pi + 1, s, si + 1);
        }
    }
}
