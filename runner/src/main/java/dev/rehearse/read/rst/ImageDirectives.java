package dev.rehearse.read.rst;

import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code image} and {@code figure}: the picture's URI is recorded so that a missing file can be reported. */
final class ImageDirectives {

    private ImageDirectives() {
    }

    private static final String[] ALIGN_H = {"left", "center", "right"};
    private static final String[] ALIGN_ALL = {"top", "middle", "bottom", "left", "center", "right"};

    private static Map<String, Directive.Option> imageOptions(Directive.Option align) {
        return OptionConverters.spec(
                "alt", OptionConverters.UNCHANGED,
                "height", OptionConverters.LENGTH_OR_UNITLESS,
                "width", OptionConverters.LENGTH_OR_PERCENTAGE_OR_UNITLESS,
                "scale", OptionConverters.PERCENTAGE,
                "align", align,
                "target", OptionConverters.UNCHANGED_REQUIRED,
                "class", OptionConverters.CLASS,
                "name", OptionConverters.UNCHANGED);
    }

    /** {@code image}. */
    static final class Image extends Directive {
        private static final Spec SPEC = new Spec(1, 0, true, imageOptions(OptionConverters.choice(ALIGN_ALL)),
                false);

        Image() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError {
            return List.of(image(call, true));
        }
    }

    /** The image node; {@code checkAlign} false for a figure, whose own align option docutils takes away first. */
    static Node image(Directive.Call call, boolean checkAlign) throws Directive.DirectiveError {
        Object align = call.options().get("align");
        if (checkAlign && align != null) {
            boolean inSubstitution = call.state() instanceof SubstitutionDef;
            List<String> allowed = inSubstitution ? List.of("top", "middle", "bottom") : List.of(ALIGN_H);
            if (!allowed.contains(align.toString())) {
                throw call.error("Error in \"" + call.name() + "\" directive: \"" + align + "\" is not a valid value "
                        + "for the \"align\" option.");
            }
        }
        String uri = (String) OptionConverters.URI.convert(call.arguments().get(0));
        call.memo().images.add(new Memo.Image(uri, call.position()));
        Node image = new Node(NodeType.IMAGE, "");
        image.set("uri", uri);
        Object alt = call.options().get("alt");
        if (alt != null) {
            image.set("alt", alt);
        }
        call.applyClasses(image);
        if (call.options().containsKey("target")) {
            Node reference = new Node(NodeType.REFERENCE, "");
            reference.append(image);
            return reference;
        }
        return image;
    }

    /** {@code figure}: an image, a caption paragraph and a legend. */
    static final class Figure extends Directive {
        private static final Spec SPEC;

        static {
            Map<String, Directive.Option> options = new HashMap<>(imageOptions(OptionConverters.choice(ALIGN_H)));
            options.put("figwidth", v -> v != null && v.equalsIgnoreCase("image") ? "image"
                    : OptionConverters.LENGTH_OR_PERCENTAGE_OR_UNITLESS.convert(v));
            options.put("figclass", OptionConverters.CLASS);
            SPEC = new Spec(1, 0, true, options, true);
        }

        Figure() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            Node figure = new Node(NodeType.FIGURE, "");
            figure.append(image(call, false));
            if (!call.content().isEmpty()) {
                List<Node> parts = call.parseContent();
                Node first = parts.get(0);
                if (first.is(NodeType.PARAGRAPH)) {
                    Node caption = new Node(NodeType.CAPTION, first.rawsource);
                    caption.appendAll(first.children);
                    figure.append(caption);
                } else if (!(first.is(NodeType.COMMENT) && first.children.isEmpty())) {
                    return List.of(figure, call.memo().reportAt(Memo.ERROR, "directive", "Figure caption must be a "
                            + "paragraph or empty comment.", call.position()));
                }
                if (parts.size() > 1) {
                    Node legend = new Node(NodeType.LEGEND, "");
                    legend.appendAll(parts.subList(1, parts.size()));
                    figure.append(legend);
                }
            }
            return List.of(figure);
        }
    }
}
