package dev.rehearse.read.rst;

/**
 * The docutils node classes the reader builds, with the class traits the parser and the block extraction ask about.
 * {@link #tag()} is docutils' tag name (what the oracle's {@code context} shows).
 */
enum NodeType {
    TEXT(Trait.TEXT_ELEMENT),
    DOCUMENT(0),
    SECTION(0),
    TITLE(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC),
    SUBTITLE(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC),
    PARAGRAPH(Trait.TEXT_ELEMENT),
    LITERAL_BLOCK(Trait.TEXT_ELEMENT),
    DOCTEST_BLOCK(Trait.TEXT_ELEMENT),
    BLOCK_QUOTE(0),
    ATTRIBUTION(Trait.TEXT_ELEMENT),
    BULLET_LIST(0),
    ENUMERATED_LIST(0),
    LIST_ITEM(0),
    DEFINITION_LIST(0),
    DEFINITION_LIST_ITEM(0),
    TERM(Trait.TEXT_ELEMENT),
    CLASSIFIER(Trait.TEXT_ELEMENT),
    DEFINITION(0),
    FIELD_LIST(0),
    FIELD(0),
    FIELD_NAME(Trait.TEXT_ELEMENT),
    FIELD_BODY(0),
    OPTION_LIST(0),
    OPTION_LIST_ITEM(0),
    OPTION_GROUP(0),
    OPTION(0),
    OPTION_STRING(Trait.TEXT_ELEMENT),
    OPTION_ARGUMENT(Trait.TEXT_ELEMENT),
    DESCRIPTION(0),
    LINE_BLOCK(0),
    LINE(Trait.TEXT_ELEMENT),
    TABLE(0),
    TGROUP(0),
    COLSPEC(0),
    THEAD(0),
    TBODY(0),
    ROW(0),
    ENTRY(0),
    FOOTNOTE(0),
    CITATION(0),
    LABEL(Trait.TEXT_ELEMENT),
    TARGET(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC | Trait.INLINE),
    SUBSTITUTION_DEFINITION(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC),
    COMMENT(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC),
    TRANSITION(0),
    NOTE(0),
    ATTENTION(0),
    CAUTION(0),
    DANGER(0),
    ERROR(0),
    HINT(0),
    IMPORTANT(0),
    TIP(0),
    WARNING(0),
    ADMONITION(0),
    SIDEBAR(0),
    TOPIC(0),
    RUBRIC(Trait.TEXT_ELEMENT),
    CONTAINER(0),
    COMPOUND(0),
    FIGURE(0),
    CAPTION(Trait.TEXT_ELEMENT),
    LEGEND(0),
    IMAGE(Trait.INLINE),
    RAW(Trait.TEXT_ELEMENT | Trait.PRE_BIBLIOGRAPHIC | Trait.INLINE),
    MATH_BLOCK(Trait.TEXT_ELEMENT),
    META(Trait.PRE_BIBLIOGRAPHIC),
    /** A parser message: docutils keeps them in the tree, where the "paragraph before a block" logic sees them. */
    SYSTEM_MESSAGE(Trait.PRE_BIBLIOGRAPHIC),
    /** A transform's placeholder ({@code contents}, {@code sectnum}, {@code target-notes}). */
    PENDING(Trait.PRE_BIBLIOGRAPHIC),
    /** Sphinx's {@code highlight} marker, resolved in document order (the oracle's {@code highlightlang}). */
    HIGHLIGHTLANG(Trait.PRE_BIBLIOGRAPHIC),
    /** The lab's {@code tag} / {@code author} metadata (the oracle's {@code meta_item}). */
    META_ITEM(Trait.PRE_BIBLIOGRAPHIC),
    // inline
    EMPHASIS(Trait.TEXT_ELEMENT | Trait.INLINE),
    STRONG(Trait.TEXT_ELEMENT | Trait.INLINE),
    LITERAL(Trait.TEXT_ELEMENT | Trait.INLINE),
    REFERENCE(Trait.TEXT_ELEMENT | Trait.INLINE),
    FOOTNOTE_REFERENCE(Trait.TEXT_ELEMENT | Trait.INLINE),
    CITATION_REFERENCE(Trait.TEXT_ELEMENT | Trait.INLINE),
    SUBSTITUTION_REFERENCE(Trait.TEXT_ELEMENT | Trait.INLINE),
    TITLE_REFERENCE(Trait.TEXT_ELEMENT | Trait.INLINE),
    INLINE(Trait.TEXT_ELEMENT | Trait.INLINE),
    PROBLEMATIC(Trait.TEXT_ELEMENT | Trait.INLINE),
    GENERATED(Trait.TEXT_ELEMENT | Trait.INLINE);

    /** Bit flags for the docutils class traits we need. */
    static final class Trait {
        static final int TEXT_ELEMENT = 1;
        static final int PRE_BIBLIOGRAPHIC = 2;
        static final int INLINE = 4;

        private Trait() {
        }
    }

    private final int traits;
    private final String tag;

    NodeType(int traits) {
        this.traits = traits;
        this.tag = this.name().equals("TEXT") ? "#text" : name().toLowerCase();
    }

    String tag() {
        return tag;
    }

    /** Children are joined without a separator in {@code astext()}. */
    boolean isTextElement() {
        return (traits & Trait.TEXT_ELEMENT) != 0;
    }

    /** May precede the document title (docutils' {@code PreBibliographic}, including the invisible markers). */
    boolean isPreBibliographic() {
        return (traits & Trait.PRE_BIBLIOGRAPHIC) != 0;
    }

    boolean isInline() {
        return (traits & Trait.INLINE) != 0;
    }
}
