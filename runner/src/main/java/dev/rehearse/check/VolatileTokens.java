package dev.rehearse.check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a program's output that change from run to run without the guide being wrong: versions, hashes,
 * fingerprints, pids, uptimes, dates, durations, sizes, speeds, percentages and progress bars. Each is replaced by a
 * placeholder ({@code <version>}, {@code <pid>} ...) in both the guide's line and the real one before they are
 * compared, so {@code pid 26020, uptime 0:03:14} and {@code pid 311, uptime 0:00:02} compare equal while
 * {@code UPDATE 1} and {@code UPDATE 0} do not: plain numbers are never masked.
 *
 * <p>The rules run in order; the more specific come first (a bcrypt hash before a hex run, a fingerprint's pairs
 * before times, a duration like {@code 0.53s} before a version like {@code 0.53}).
 */
public final class VolatileTokens {

    private record Rule(Pattern pattern, String replacement) {
        String apply(String line) {
            return pattern.matcher(line).replaceAll(replacement);
        }
    }

    /** the characters Kubernetes draws the random parts of a name from */
    private static final String K8S = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final String WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+";
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
            + "Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final String BYTES = "(?:[kKMGTP]i?B|bytes|B)";
    /** a piece of base64 between slashes: a capital, digit or + in it, or too short to be a word of a path */
    private static final String BASE64_PIECE = "(?:[A-Za-z0-9+]*[A-Z0-9+][A-Za-z0-9+]*|[a-z]{1,3})";

    private static final List<Rule> RULES = List.of(
            // bash's errors name it as it was started: -bash in a login shell (Rehearse's, and an ssh session's)
            rule("^-bash: ", "bash: "),
            rule("^(\\s*)-bash\\s*$", "$1bash"), // echo $0
            // a line that is a version alone, whatever its suffix (uname -r's 4.19.0-6-amd64, a --version's
            // 1.2.3-beta), and uname -a's kernel with its build (#1 SMP Debian 4.19.67-2 (2019-11-11) x86_64 ...)
            rule("^(\\s*)v?\\d+(?:\\.\\d+)+[\\w.+~-]*\\s*$", "$1<version>"),
            rule("^(\\s*\\S*Linux \\S+ )v?\\d+\\.\\d+\\S* #\\d+ .*", "$1<kernel>"),
            // the ids of users and groups (id's uid=1000(isabell) gid=1000(isabell) groups=1000(isabell),27(sudo)):
            // the target's, as its user's name is
            rule("(?<=[=,])\\d+(?=\\([A-Za-z_][\\w.-]*\\))", "<id>"),
            // password hashes: bcrypt ($2b$12$...), then sha-crypt ($6$salt$...)
            rule("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}", "<hash>"),
            rule("\\$[156]\\$(?:rounds=\\d+\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{22,86}", "<hash>"),
            // the other schemes' password hashes, salted anew each time, and one hidden as derived from a secret
            rule("\\$(?:apr1|md5|sha1|y|gy|7|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\\d+)?)\\$[./A-Za-z0-9$=,+-]{20,}"
                    + "|\\b(?:pbkdf2_sha(?:1|256)|bcrypt_sha256|argon2|scrypt)\\$[./A-Za-z0-9$=,+-]{20,}"
                    + "|\\{(?:SSHA(?:256|384|512)?|SMD5|CRYPT|PBKDF2(?:-SHA\\d+)?|ARGON2)\\}[A-Za-z0-9+/=.$]{20,}"
                    + "|<password hash>", "<hash>"),
            rule("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<uuid>"),
            // a Kubernetes pod's generated name: its deployment's, the template's hash and five random characters,
            // both from the alphabet Kubernetes draws them from (no vowels, no 0, 1 or 3); before the hex rule
            rule("\\b([a-z0-9]+(?:-[a-z0-9]+)*)-" + K8S + "{6,10}-" + K8S + "{5}\\b", "$1-<pod>"),
            // key and certificate fingerprints, before the times their pairs would read as: ssh's SHA256:base64
            // (whose + and / would end a token) and MD5:ab:cd:..., a certificate's AB:CD:... (16 pairs or more, never
            // a MAC address's 6)
            rule("\\b(SHA(?:1|256|384|512)):[A-Za-z0-9+/]{27,86}={0,2}", "$1:<fingerprint>"),
            rule("\\b(?:[0-9a-f]{2}:){15,63}[0-9a-f]{2}\\b|\\b(?:[0-9A-F]{2}:){15,63}[0-9A-F]{2}\\b", "<fingerprint>"),
            // base64 with its / or + (openssl rand -base64 32: a / in most, at its start in one of 64), as long as
            // the tokens below: never a path, which ends in no = (base64's padding) and whose pieces between slashes
            // are more than lower-case words; before sizes and durations, which a key's "2B" or "59m" would read as
            rule("(?<![\\w/.~+-])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])"
                    + "(?=[A-Za-z0-9+/]*[+/])(?=[A-Za-z0-9+/]{24,})(?:[A-Za-z0-9+/]+={1,2}|/?" + BASE64_PIECE
                    + "(?:/" + BASE64_PIECE + ")*/?)(?![\\w/=])", "<token>"),
            // git's transfer progress (a clone's object and delta counts grow with the repository)
            rule("^(\\s*(?:remote:\\s+)?)(Enumerating objects|Counting objects|Compressing objects|Writing objects"
                    + "|Receiving objects|Unpacking objects|Resolving deltas):.*", "$1$2: <progress>"),
            rule("^(\\s*(?:remote:\\s+)?)Total \\d+ \\(delta \\d+\\).*", "$1Total <progress>"),
            // npm's and composer's counts of the packages they added and audited (a dependency tree's size changes
            // with each release)
            rule("\\b(added|removed|changed|audited) \\d+ packages?\\b", "$1 <count> packages"),
            rule("\\bfrom \\d+ contributors?\\b", "from <count> contributors"),
            rule("^(\\s*)\\d+ packages? (?:is|are|you are using (?:is|are)) looking for funding",
                    "$1<count> packages are looking for funding"),
            rule("\\b(Package|Lock file) operations: \\d+ installs?, \\d+ updates?, \\d+ removals?",
                    "$1 operations: <count>"),
            // dates: ISO (with an optional time and zone), then written ones (Jun 24, Mon, 24 Jun 2019, 24/Jun/2019)
            rule("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b",
                    "<date>"),
            rule("\\b(?:" + WEEKDAY + ")?\\d{1,2}[ /-]" + MONTH + "[ /-]\\d{4}\\b", "<date>"),
            rule("\\b(?:" + WEEKDAY + ")?" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b(?!:))?",
                    "<date>"),
            // times of day and uptimes (0:03:14, 1 day, 2:03:04, 12:00:00.123, 02:00 PM), with a zone and year after (date(1))
            rule("\\b(?:\\d+\\s+days?,\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\b(?:\\s?[AP]M\\b)?(?:(?:\\s+[A-Z]{2,5})?\\s+\\d{4}\\b)?",
                    "<time>"),
            // ls -l shows a file's time of day within six months of now, else its year (Mar 10  2019 against
            // Dec  5 23:58): a timestamp either way, as is date(1)'s whole line
            rule("<date>\\s+<time>", "<date>"),
            // transfer speeds, then sizes (17.4MB/s, 163kB, 1.8 MB)
            rule("\\b" + NUMBER + "\\s?(?:" + BYTES + "|[kKMG]?bit|[kKMG]b)/s\\b", "<speed>"),
            rule("\\b" + NUMBER + "\\s?" + BYTES + "\\b", "<size>"),
            // durations: 1m2.5s, 250ms, 3 seconds
            rule("\\b(?:" + NUMBER + "(?:ms|h|m|s)){2,}\\b", "<duration>"),
            rule("\\b" + NUMBER + "\\s?(?:ns|us|µs|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\\b",
                    "<duration>"),
            rule("\\b" + NUMBER + "\\s?%", "<percent>"),
            // ssh-keygen's randomart, a picture of the new key: its rows between the frame's (before the
            // progress bars: a row may be dashes and blanks alone)
            rule("^\\|[ .o+=*BOX@%&#/^SE]{17}\\|$", "|<randomart>|"),
            // progress bars: block and box-drawing runs (pip's |████| and ━━━╸), and [====>   ] / |###  |
            rule("\\|?[\\u2500-\\u259F][\\u2500-\\u259F ]*[\\u2500-\\u259F]\\|?", "<bar>"),
            rule("\\[[=#> -]*[=#][=#> -]*\\]|\\|[=#> -]*[=#][=#> -]*\\|", "<bar>"),
            // process ids: "pid 26020", "PID=42", "process 311"; a background job "[1] 4242"
            rule("(?i)\\b(pid|process)\\b(\\s*[:=#]?\\s*)\\d+", "$1$2<pid>"),
            rule("^\\[\\d+\\]\\s+\\d+$", "[<job>] <pid>"),
            // a git commit's short hash where git prints one, also when it happens to hold no letter (one in 27 of
            // seven hex digits): a line that starts with it (git log --oneline, git rev-parse --short), a commit's
            // summary ([main (root-commit) 3f2a1b9]), "commit", "HEAD is now at"
            rule("^(\\s*)\\d{7,40}(?=\\s|$)", "$1<hex>"),
            rule("^(\\[[\\w./-]+ (?:\\(root-commit\\) )?)\\d{7,40}(?=])", "$1<hex>"),
            rule("\\b(commit|HEAD is now at) \\d{7,40}\\b", "$1 <hex>"),
            // hex digests and ids (a digit and a letter, 7 or more; pip's caches split one as ab/cd/ef/0123...),
            // then long random tokens (keys, secrets)
            rule("\\b(?:[0-9a-f]{2}/){0,4}(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\\d)(?:[0-9a-f]{7,}|[0-9A-F]{7,})\\b", "<hex>"),
            rule("\\b(?=[A-Za-z0-9+_-]*[A-Z])(?=[A-Za-z0-9+_-]*[a-z])(?=[A-Za-z0-9+_-]*\\d)[A-Za-z0-9+_-]{24,}={0,2}",
                    "<token>"),
            // the names mktemp and Python's tempfile give (/tmp/tmp.Q8fz3JkL2p, /tmp/tmp8x3k_q2z)
            rule("(?<=/)tmp(?:\\.[A-Za-z0-9]{10}|[a-z0-9_]{8})\\b", "<tempname>"),
            // versions: 1.0.0, v2.3, 19.1.1rc1, 15.5-0+deb12u1, 15.5 (Debian 15.5-0+deb12u1)
            rule("(?<![\\d.])v?\\d+(?:\\.\\d+)+(?:(?:a|b|rc|dev|post|alpha|beta|pre)\\.?\\d*)?"
                    + "(?:-\\d[0-9A-Za-z.+~]*|\\+[0-9A-Za-z.]+)?"
                    + "(?:\\s\\((?:Debian|Ubuntu|Red Hat|Homebrew|Alpine)[^()]*\\))?", "<version>"));

    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");

    private VolatileTokens() {
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** {@code line} with every volatile token replaced by its placeholder. */
    public static String mask(String line) {
        String masked = line;
        for (Rule rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    /**
     * What two lines are compared by: masked, with leading, trailing and repeated blanks dropped (column layouts
     * and the indentation a guide gives its output vary; the words do not).
     */
    public static String key(String line) {
        return BLANKS.matcher(mask(line)).replaceAll(" ").strip();
    }
}
