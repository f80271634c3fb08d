package dev.rehearse.read.rst;

/** The parser states (docutils' state classes), each with how to make one for a machine. */
enum StateName {
    BODY, BULLET_LIST, DEFINITION_LIST, ENUMERATED_LIST, FIELD_LIST, OPTION_LIST, LINE_BLOCK, EXTENSION_OPTIONS,
    EXPLICIT, TEXT, DEFINITION, LINE, SUBSTITUTION_DEF, QUOTED_LITERAL_BLOCK;

    /** How many states there are (cached: {@code values()} copies its array on every call). */
    static final int COUNT = values().length;

    State create(StateMachine machine) {
        // a switch rather than constructor references: machines are made by the thousand, and this stays inlinable
        return switch (this) {
            case BODY -> new Body(machine);
            case BULLET_LIST -> new SpecializedBody.BulletList(machine);
            case DEFINITION_LIST -> new SpecializedBody.DefinitionList(machine);
            case ENUMERATED_LIST -> new SpecializedBody.EnumeratedList(machine);
            case FIELD_LIST -> new SpecializedBody.FieldList(machine);
            case OPTION_LIST -> new SpecializedBody.OptionList(machine);
            case LINE_BLOCK -> new SpecializedBody.LineBlock(machine);
            case EXTENSION_OPTIONS -> new SpecializedBody.ExtensionOptions(machine);
            case EXPLICIT -> new SpecializedBody.Explicit(machine);
            case TEXT -> new TextState(machine);
            case DEFINITION -> new TextState.Definition(machine);
            case LINE -> new TextState.Line(machine);
            case SUBSTITUTION_DEF -> new SubstitutionDef(machine);
            case QUOTED_LITERAL_BLOCK -> new QuotedLiteralBlock(machine);
        };
    }
}
