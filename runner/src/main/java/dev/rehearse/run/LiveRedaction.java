package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hides secrets in output that arrives in pieces: a secret cut in two by a chunk boundary is held back until it
 * is whole, so no part of it ever reaches the live display.
 */
final class LiveRedaction implements Consumer<String> {
    private final Bindings bindings;
    private final List<String> secrets;
    private final int holdBack;
    private final Consumer<String> next;
    private String pending = "";

    LiveRedaction(Bindings bindings, Consumer<String> next) {
        this.bindings = bindings;
        this.secrets = bindings.all().stream().filter(Binding::secret).map(Binding::value)
                .filter(v -> !v.isEmpty()).toList();
        this.holdBack = secrets.stream().mapToInt(String::length).max().orElse(1) - 1;
        this.next = next;
    }

    @Override
    public void accept(String chunk) {
        String text = pending + chunk;
        int cut = Math.max(0, text.length() - holdBack);
        for (String secret : secrets) {
            for (int at = text.indexOf(secret); at >= 0 && at < cut; at = text.indexOf(secret, at + 1)) {
                cut = Math.max(cut, at + secret.length());
            }
        }
        pending = text.substring(cut);
        if (cut > 0) {
            next.accept(bindings.redact(text.substring(0, cut)));
        }
    }

    /** Passes on what was held back: the command is done, no secret can be completed by a later chunk. */
    void flush() {
        if (!pending.isEmpty()) {
            next.accept(bindings.redact(pending));
            pending = "";
        }
    }
}
