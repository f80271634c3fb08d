package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sphinx's {@code only}: its content is in the page only when its expression of tags holds for the builder. A guide
 * is read as its HTML page shows it (tags {@code html}, {@code format_html}, {@code builder_html}): {@code .. only::
 * latex} is left out, {@code .. only:: html or epub} kept; an expression it cannot read is kept, as before.
 */
final class OnlyDirective extends Directive {
    private static final Spec SPEC = new Spec(1, 0, true, null, true);
    private static final Set<String> HTML = Set.of("html", "format_html", "builder_html");

    OnlyDirective() {
        super(SPEC);
    }

    @Override
    List<Node> run(Call call) throws EndOfInput {
        if (!new Expression(call.arguments().get(0)).holds()) {
            return List.of();
        }
        return new ContainerDirectives.Generic(false).run(call);
    }

    /** Sphinx's tag expressions: names, {@code and}, {@code or}, {@code not}, parentheses. */
    private static final class Expression {
        private final List<String> tokens = new ArrayList<>();
        private int at;

        Expression(String text) {
            for (String token : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }

        /** true where the expression holds for HTML, or cannot be read */
        boolean holds() {
            try {
                boolean value = or();
                return at != tokens.size() || value;
            } catch (IndexOutOfBoundsException unreadable) {
                return true;
            }
        }

        private boolean or() {
            boolean value = and();
            while (at < tokens.size() && tokens.get(at).equals("or")) {
                at++;
                value = and() || value;
            }
            return value;
        }

        private boolean and() {
            boolean value = not();
            while (at < tokens.size() && tokens.get(at).equals("and")) {
                at++;
                value = not() && value;
            }
            return value;
        }

        private boolean not() {
            String token = tokens.get(at++);
            if (token.equals("not")) {
                return !not();
            }
            if (token.equals("(")) {
                boolean value = or();
                at++;
                return value;
            }
            return HTML.contains(token);
        }
    }
}
