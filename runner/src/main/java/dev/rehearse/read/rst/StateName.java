package dev.rehearse.read.rst;

import java.util.function.Function;

/** The parser states (docutils' state classes), each with how to make one for a machine. */
enum StateName {
    BODY(Body::new),
    BULLET_LIST(SpecializedBody.BulletList::new),
    DEFINITION_LIST(SpecializedBody.DefinitionList::new),
    ENUMERATED_LIST(SpecializedBody.EnumeratedList::new),
    FIELD_LIST(SpecializedBody.FieldList::new),
    OPTION_LIST(SpecializedBody.OptionList::new),
    LINE_BLOCK(SpecializedBody.LineBlock::new),
    EXTENSION_OPTIONS(SpecializedBody.ExtensionOptions::new),
    EXPLICIT(SpecializedBody.Explicit::new),
    TEXT(TextState::new),
    DEFINITION(TextState.Definition::new),
    LINE(TextState.Line::new),
    SUBSTITUTION_DEF(SubstitutionDef::new),
    QUOTED_LITERAL_BLOCK(QuotedLiteralBlock::new);

    private final Function<StateMachine, State> factory;

    StateName(Function<StateMachine, State> factory) {
        this.factory = factory;
    }

    State create(StateMachine machine) {
        return factory.apply(machine);
    }
}
