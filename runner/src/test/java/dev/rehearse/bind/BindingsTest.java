package dev.rehearse.bind;

import dev.rehearse.bind.Binding.Origin;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.read.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BindingsTest {
    private static Bindings seedLike() {
        Bindings b = FactBindings.bind(new Bindings(), new TargetFacts("alice", "box1", "/srv/home/alice", "alice.test"),
                FactBindings.DEFAULTS);
        b.bind(new Binding("PORT", "41000", Origin.SIDECAR, false));
        b.bind(new Binding("USER", "alice", Origin.SIDECAR, false));
        b.bind(new Binding("<my super secure password>", "S3cretValue", Origin.GENERATED, true));
        return b;
    }

    @Test
    void literalsAreReplacedOnlyWhereTheyStandAsTokens() {
        Bindings b = seedLike();
        assertEquals("PGPORT=5432 port 41000", b.apply("PGPORT=5432 port PORT"));
        assertEquals("echo $USER ${USER} USERS alice", b.apply("echo $USER ${USER} USERS USER"));
        assertEquals("isabella alice", b.apply("isabella isabell"));
        assertEquals("/srv/home/alice/logs alice@box1", b.apply("/home/isabell/logs isabell@stardust"));
        assertEquals("https://alice.test:41000/ alice.test.crt", b.apply("https://my.domain.name:PORT/ my.domain.name.crt"));
    }

    @Test
    void aNumberIsNotFoundInsideALongerNumber() {
        Bindings b = new Bindings().bind(new Binding("4013", "5000", Origin.SIDECAR, false));
        assertEquals("40132 1.4013 4013.5 5000. 5000", b.apply("40132 1.4013 4013.5 4013. 4013"));
    }

    @Test
    void reverseMapsRealValuesBackAndHidesSecretsEvenInsideWords() {
        Bindings b = seedLike();
        assertEquals("[isabell@stardust ~]$ pw=<my super secure password>; x<my super secure password>y",
                b.reverse("[alice@box1 ~]$ pw=S3cretValue; xS3cretValuey"));
        assertEquals("token <my super secure password>", b.redact("token S3cretValue"));
        assertEquals("alice keeps her name in a redacted log", b.redact("alice keeps her name in a redacted log"));
    }

    /** What a guide's commands make of a secret (encoded, hashed, reversed, broken over lines) is hidden too. */
    @Test
    void aSecretsEncodedHashedAndBrokenFormsAreHiddenAsItIs() throws Exception {
        String secret = "S3cr3tPa55wordXYZ";
        Bindings b = new Bindings().bind(new Binding("<pw>", secret, Binding.Origin.SIDECAR, true));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        byte[] echoed = (secret + "\n").getBytes(StandardCharsets.UTF_8);
        HexFormat hex = HexFormat.of();
        List<String> forms = List.of(Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().encodeToString(echoed), hex.formatHex(bytes), hex.formatHex(echoed),
                hex.formatHex(MessageDigest.getInstance("SHA-256").digest(echoed)),
                hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toUpperCase(Locale.ROOT),
                hex.formatHex(MessageDigest.getInstance("MD5").digest(bytes)),
                new StringBuilder(secret).reverse().toString(), secret.toUpperCase(Locale.ROOT),
                "S3cr\n3tPa55wordXYZ");
        for (String form : forms) {
            String shown = b.redact("before " + form + " after");
            assertEquals("before <pw> after", shown, form);
        }
        Bindings shortOne = new Bindings().bind(new Binding("<pin>", "$", Binding.Origin.SIDECAR, true));
        assertEquals("40132 24", shortOne.redact("40132 24"), "a one-letter secret's hex (24) is an ordinary number");
    }

    /**
     * A long secret is hidden by its pieces too: a half of it, and what is left of an encoding, a hash or a spelling
     * when other bytes come first, the output is cut short, or a command puts something between its characters.
     */
    @Test
    void aLongSecretsPiecesAndWhatCommandsMakeOfThemAreHidden() throws Exception {
        String secret = "Zq8uT3mLk9Wx2Rv7Hp4N";
        Bindings b = new Bindings().bind(new Binding("<pw>", secret, Binding.Origin.SIDECAR, true));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((secret + "\n").getBytes(StandardCharsets.UTF_8)));
        String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        List<String> forms = new ArrayList<>(List.of(
                secret.substring(0, 10), secret.substring(10), // ${PW:0:10} ${PW: -10}
                "LJYTQ5KUGNWUY2ZZK54DEUTWG5EHANCOBI======", // echo "$PW" | base32
                "Md8hG3zYx9Jk2Ei7Uc4A", // tr A-Za-z N-ZA-Mn-za-m
                "Z-q-8-u-T-3-m-L-k-9-W-x-2-R-v-7-H-p-4-N-", // sed 's/./&-/g'
                " 5a 71 38 75 54 33 6d 4c 6b 39 57 78 32 52 76 37\n 48 70 34 4e", // od -An -tx1
                hex.replaceAll("(..)(?!$)", "$1:"), // openssl-style colons
                sha256.substring(0, 20), // sha256sum | cut -c1-20
                new StringBuilder(base64(secret + "\n")).reverse().toString())); // base64 | rev
        for (String form : forms) {
            assertHiddenButFor("", b.redact("before " + form + " after"), form);
        }
        for (String user : List.of("x:", "us:", "user:", "admin:", "isabell:", "~~~>")) { // every byte alignment
            byte[] header = (user + secret).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String form = encoder.encodeToString(header);
                String userAlone = encoder.encodeToString(user.getBytes(StandardCharsets.UTF_8)).replace("=", "");
                assertHiddenButFor(userAlone.substring(0, userAlone.length() - 1), b.redact(form), form);
            }
        }
    }

    /** {@code shown} has {@code <pw>} and little else besides {@code kept}: the characters that mix in other bytes */
    private static void assertHiddenButFor(String kept, String shown, String form) {
        assertTrue(shown.contains("<pw>"), form + " -> " + shown);
        String left = shown.replace(kept, "").replace("<pw>", "").replaceAll("^before |after$", "")
                .replaceAll("[^A-Za-z0-9]", "");
        assertTrue(left.length() <= 4, form + " -> " + shown);
    }

    /**
     * Pieces are long enough not to stand in ordinary output: the seed's pip lines (with their hashes), paths and
     * prompts are left as they are, whatever random secret of a generated secret's length is bound; a short secret is
     * hidden whole only.
     */
    @Test
    void piecesOfARandomSecretDoNotStandInOrdinaryOutput() throws Exception {
        // its bcrypt hash aside, which is hidden as a password hash whatever is bound (PasswordHashesTest)
        String guide = Files.readString(Fixtures.guides().resolve("synapse.adoc")).replace(
                "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02", "<password hash>")
                + "\n[isabell@stardust ~]$ ls /home/isabell/synapse\nhomeserver.yaml  env  isabell.uber.space.log.config\n";
        for (int i = 0; i < 200; i++) {
            Bindings b = new Bindings().bind(new Binding("<pw>", Generated.secret(), Binding.Origin.GENERATED, true));
            assertEquals(guide, b.redact(guide));
        }
        Bindings shortOne = new Bindings().bind(new Binding("<pw>", "synapse-admin", Binding.Origin.SIDECAR, true));
        assertEquals("~/synapse admin", shortOne.redact("~/synapse admin"));
    }

    /**
     * A captured hash shows as the guide's example, whole: its pieces were also looked for in the example it had
     * become, which shares its scheme and cost ({@code $2b$12$}), and one found across them garbled it (in about half
     * of the seed's runs, the example followed by a copy of its own tail).
     */
    @Test
    void aCapturedHashShowsAsTheGuidesExampleWhole() {
        String example = "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02";
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder real = new StringBuilder("$2b$12$");
            for (int c = 0; c < 53; c++) {
                real.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Bindings b = new Bindings().bind(new Binding("<pw>", "Seed2e2eSecret7", Origin.COMMAND_LINE, true))
                    .bind(new Binding(example, real.toString(), Origin.CAPTURED, true));
            assertEquals("Password:\nConfirm password:\n" + example + "\n",
                    b.reverse("Password:\nConfirm password:\n" + real + "\n"), real::toString);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void previewShowsEverythingButSecrets() {
        Bindings b = seedLike();
        assertEquals("password: \"<my super secure password>\" user: alice",
                b.preview("password: \"<my super secure password>\" user: isabell"));
        assertEquals("password: \"S3cretValue\"", b.apply("password: \"<my super secure password>\""));
    }

    @Test
    void aHigherOriginWinsAndALowerOneDoesNot() {
        Bindings b = new Bindings().bind(new Binding("x", "sidecar", Origin.SIDECAR, false));
        b.bind(new Binding("x", "target", Origin.TARGET, false));
        assertEquals("sidecar", b.get("x").orElseThrow().value());
        b.bind(new Binding("x", "cli", Origin.COMMAND_LINE, false));
        assertEquals("cli", b.get("x").orElseThrow().value());
    }

    @Test
    void validationNamesTheBindingAndWhereItWasDeclaredButNeverASecretValue() {
        Bindings b = new Bindings();
        b.bind(new Binding("<pw>", "it's", Origin.SIDECAR, true), new Bindings.Place("runbook.yaml", 7));
        BadInput e = assertThrows(BadInput.class, () -> b.validate("mysql -p'<pw>'", "guide.rst:12"));
        assertEquals("runbook.yaml:7: binding \"<pw>\": its secret value has a character other than letters, digits, "
                        + "blanks and _@%+=:,./- inside '...', which the program it goes to may read as code (a shell, "
                        + "python, SQL) and could change the command at guide.rst:12",
                e.getMessage());
        assertFalse(e.getMessage().contains("it's"));
        b.validate("echo done", "guide.rst:13");
        Bindings nl = new Bindings().bind(new Binding("a", "x\ny", Origin.COMMAND_LINE, false), new Bindings.Place("--bind a", 0));
        assertTrue(assertThrows(BadInput.class, nl::validateValues).getMessage().startsWith("--bind a: binding \"a\""));
    }

    /**
     * Bound one at a time between uses (as a run binds its captures), the bindings replace, map back and hide exactly
     * as the same bindings made at once do: same lengths in their order of binding, a literal inside a longer one, a
     * value that is its own literal, an empty value, secrets, one binding replaced by a higher origin.
     */
    @Test
    void bindingsAddedBetweenUsesWorkAsIfMadeAtOnce() {
        List<Binding> all = List.of(
                new Binding("1000001", "7000001", Origin.CAPTURED, false),
                new Binding("1000002", "7000002", Origin.CAPTURED, false),
                new Binding("isabell", "alice", Origin.TARGET, false),
                new Binding("isabell.uber.space", "alice.box1.test", Origin.TARGET, false),
                new Binding("stardust", "stardust", Origin.TARGET, false),
                new Binding("<token>", "tk-9Zq", Origin.CAPTURED, true),
                new Binding("<empty>", "", Origin.SIDECAR, false),
                new Binding("1000001", "7000009", Origin.COMMAND_LINE, false),
                new Binding(":8008", "x:8009", Origin.SIDECAR, false),
                new Binding("<pw>", "S3cret", Origin.GENERATED, true));
        List<String> texts = List.of(
                "echo 1000001 1000002 10000011 isabell.uber.space isabell stardust <token> <empty> :8008 <pw>",
                "7000001 7000009 7000002 alice.box1.test alice x:8009 tk-9Zq S3cret inS3cretside xtk-9Zq");
        Bindings atOnce = new Bindings();
        all.forEach(atOnce::bind);
        Bindings oneByOne = new Bindings();
        for (Binding b : all) {
            oneByOne.bind(b);
            texts.forEach(t -> List.of(oneByOne.apply(t), oneByOne.preview(t), oneByOne.reverse(t), oneByOne.redact(t)));
            oneByOne.secretValues();
        }
        for (String t : texts) {
            assertEquals(atOnce.apply(t), oneByOne.apply(t));
            assertEquals(atOnce.preview(t), oneByOne.preview(t));
            assertEquals(atOnce.reverse(t), oneByOne.reverse(t));
            assertEquals(atOnce.redact(t), oneByOne.redact(t));
        }
        assertEquals(atOnce.secretValues(), oneByOne.secretValues());
        assertEquals(atOnce.secretBindings(), oneByOne.secretBindings());
        assertEquals("echo 7000009 7000002 10000011 alice.box1.test alice stardust tk-9Zq  x:8009 S3cret",
                oneByOne.apply(texts.get(0)));
    }

    @Test
    void aGuideThatNamesSammyAndNotIsabellUsesDigitalOceansExampleUser() {
        assertEquals(FactBindings.DIGITALOCEAN, FactBindings.examplesOf(List.of("cd /home/sammy", "ls")));
        assertEquals(List.of(Map.entry("isabell", "user"), Map.entry("/home/isabell", "home")),
                FactBindings.examplesOf(List.of("cd /home/sammy", "id isabell")),
                "one set: two example users for one real user could not be told apart");
        assertEquals(List.of(Map.entry("/home/isabell", "home")), FactBindings.examplesOf(List.of("sammyd --version")));
    }

    /**
     * An example value the guide never shows is bound to nothing: the real value would map back to it in what the
     * host prints, where the guide uses another (its own binding of the domain). The home is mapped back always:
     * the real one differs from run to run.
     */
    @Test
    void onlyTheExampleValuesAGuideShowsAreBound() {
        assertEquals(FactBindings.DEFAULTS, FactBindings.examplesOf(
                List.of("[isabell@stardust ~]$ cd", "https://my.domain.name/")));
        assertEquals(List.of(Map.entry("isabell", "user"), Map.entry("/home/isabell", "home")),
                FactBindings.examplesOf(List.of("id isabell", "curl https://example.org/")));
        assertEquals(List.of(Map.entry("/home/pi", "home")), FactBindings.examplesOf(List.of("cd /home/pi")));
        assertEquals(List.of(Map.entry("alice", "user"), Map.entry("/home/alice", "home")),
                FactBindings.examplesOf(List.of("cd /home/alice", "whoami", "alice")), "a name that is no word");
        assertEquals(List.of(Map.entry("/home/pi", "home")), FactBindings.examplesOf(List.of("cd /home/pi", "pi")),
                "a name that is a word: its home only");
        assertEquals(List.of(Map.entry("/home/isabell", "home")), FactBindings.examplesOf(List.of("echo hello", "hello")));
    }
}
