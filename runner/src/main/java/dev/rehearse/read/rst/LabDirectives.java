package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.List;

/**
 * The Sphinx and Uberspace-lab directives around the literal blocks: {@code highlight} (the language of later
 * blocks), the lab's {@code tag} / {@code author} metadata and its generated {@code tag_list} / {@code author_list},
 * and {@code spelling:word-list} (not reStructuredText; dropped).
 */
final class LabDirectives {

    private LabDirectives() {
    }

    /** {@code highlight}: a marker resolved in document order, includes inlined. */
    static final class Highlight extends Directive {
        private static final Spec SPEC = new Spec(1, 0, false, OptionConverters.spec(
                "linenothreshold", OptionConverters.POSITIVE_INT, "force", OptionConverters.FLAG), false);

        Highlight() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) {
            Node marker = new Node(NodeType.HIGHLIGHTLANG, "");
            marker.set("lang", Py.strip(call.arguments().get(0)));
            Memo.Position at = call.position();
            marker.source = at.source();
            marker.line = at.line();
            return List.of(marker);
        }
    }

    /** {@code tag} and {@code author}: metadata kept in document order. */
    static final class MetaItem extends Directive {
        private final String kind;

        MetaItem(String kind) {
            super(new Spec(1, 0, true, null, false));
            this.kind = kind;
        }

        @Override
        List<Node> run(Call call) {
            Node item = new Node(NodeType.META_ITEM, "");
            item.set("kind", kind);
            item.set("value", call.arguments().get(0));
            Memo.Position at = call.position();
            item.source = at.source();
            item.line = at.line();
            if (kind.equals("author")) {
                call.memo().authors.add(call.arguments().get(0));
            }
            return List.of(item);
        }
    }

    /**
     * {@code tag_list}, {@code author_list}, {@code allauthors}: output Sphinx generates. As in the lab's extension,
     * the tag list is a container, and the author list says "Written by: ..." once authors were declared.
     */
    static final class Generated extends Directive {
        private static final Spec SPEC = new Spec(0, 10, true, null, false);

        Generated() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) {
            String name = call.name().toLowerCase();
            if (name.equals("tag_list")) {
                Node container = new Node(NodeType.CONTAINER, "");
                container.classes().add("taglist");
                return List.of(container);
            }
            if (name.equals("author_list")) {
                List<String> authors = call.memo().authors;
                if (!authors.isEmpty()) {
                    return List.of(Node.withText(NodeType.PARAGRAPH, "", "Written by: " + String.join(", ", authors)));
                }
            }
            return List.of();
        }
    }

    /** {@code spelling:word-list}: a word list, not reStructuredText. */
    static final class WordList extends Directive {
        private static final Spec SPEC = new Spec(0, 10, true, null, true);

        WordList() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) {
            return List.of();
        }
    }
}
