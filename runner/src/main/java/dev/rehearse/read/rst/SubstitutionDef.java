package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The body of a substitution definition: one embedded directive (docutils' {@code SubstitutionDef}). */
final class SubstitutionDef extends Body {

    private static final TransitionTable TRANSITIONS = new TransitionTable(List.of(
            new Transition(Transition.Kind.BLANK, BLANK, null, null),
            new Transition(Transition.Kind.INDENT, INDENT, null, " "),
            new Transition(Transition.Kind.EMBEDDED_DIRECTIVE, Pattern.compile("(" + Inliner.SIMPLENAME + ")::( +|$)",
                    Pattern.UNICODE_CHARACTER_CLASS), null, null),
            new Transition(Transition.Kind.TEXT, TEXT, null, null)));

    SubstitutionDef(StateMachine sm) {
        super(sm, StateName.SUBSTITUTION_DEF, TRANSITIONS);
    }

    @Override
    Step embeddedDirective(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Constructed c = directive(new DirectiveMarker(m.group(1), m.end()), parent().names().get(0));
        parent().appendAll(c.nodes());
        if (!sm.atEof()) {
            blankFinish = c.blankFinish();
        }
        throw EndOfInput.INSTANCE;
    }

    @Override
    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        if (!sm.atEof()) {
            blankFinish = sm.isNextLineBlank();
        }
        throw EndOfInput.INSTANCE;
    }
}
