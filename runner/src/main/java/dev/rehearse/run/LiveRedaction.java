package dev.rehearse.run;

import dev.rehearse.bind.Bindings;
import dev.rehearse.model.BoundedText;
import dev.rehearse.plan.Capture;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in output that arrives in pieces: a secret cut in two by a chunk boundary is held back until it
 * is whole, so no part of it ever reaches the live display. A step that is given a secret may print something made
 * from it (a password's hash) that its captures are about to bind as a secret: for such a step the output goes on
 * line by line, with what those captures find shown as the guide's example.
 */
final class LiveRedaction implements Consumer<String> {
    private final Bindings bindings;
    private final List<String> secrets;
    private final int holdBack;
    private final Consumer<String> next;
    private final List<Capture> derived;
    private String pending = "";
    /** the most of one line held back, line by line, for a step whose output derives secrets */
    private static final int LONGEST_LINE_HELD = 1 << 20;

    LiveRedaction(Bindings bindings, Consumer<String> next) {
        this(bindings, next, List.of());
    }

    /** @param derived captures whose values are secrets made from a secret, hidden before they are bound */
    LiveRedaction(Bindings bindings, Consumer<String> next, List<Capture> derived) {
        this.derived = derived;
        this.bindings = bindings;
        this.secrets = bindings.secretValues();
        // longest first
        this.holdBack = secrets.isEmpty() ? 0 : secrets.get(0).length() - 1;
        this.next = next;
    }

    @Override
    public void accept(String chunk) {
        String text = pending + chunk;
        int cut = derived.isEmpty() ? Math.max(0, text.length() - holdBack) : text.lastIndexOf('\n') + 1;
        if (cut == 0 && text.length() > LONGEST_LINE_HELD) {
            // a line that never ends (a progress bar, a binary) is passed on in pieces rather than held in memory
            cut = text.length() - holdBack;
        }
        for (String secret : secrets) {
            for (int at = text.indexOf(secret); at >= 0 && at < cut; at = text.indexOf(secret, at + 1)) {
                cut = Math.max(cut, at + secret.length());
            }
        }
        // not inside a piece of a secret either: its two parts, each too short to be hidden, would show one after the other
        cut = bindings.cutOutsideSecrets(text, cut);
        pending = text.substring(cut);
        if (cut > 0) {
            next.accept(bindings.redact(hideDerived(text.substring(0, cut))));
        }
    }

    private String hideDerived(String lines) {
        for (Capture capture : derived) {
            Matcher m = Pattern.compile(capture.regex(), Pattern.MULTILINE).matcher(BoundedText.of(lines));
            StringBuilder out = new StringBuilder();
            int from = 0;
            try {
                while (m.find()) {
                    int group = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
                    out.append(lines, from, m.start(group)).append(capture.literal());
                    from = m.end(group);
                }
            } catch (BoundedText.TooSlow slow) {
                // where the secret would be is not known: none of these lines is shown (the step fails on it)
                return capture.literal() + "\n";
            }
            lines = out.append(lines.substring(from)).toString();
        }
        return lines;
    }

    /** Passes on what was held back: the command is done, no secret can be completed by a later chunk. */
    void flush() {
        if (!pending.isEmpty()) {
            next.accept(bindings.redact(hideDerived(pending)));
            pending = "";
        }
    }
}
