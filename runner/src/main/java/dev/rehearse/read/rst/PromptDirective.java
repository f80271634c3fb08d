package dev.rehearse.read.rst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sphinx-prompt's {@code prompt}: {@code .. prompt:: bash $} and a command on each line, which the page shows behind
 * the prompt; with the modifier {@code auto} the lines that start with the prompt are commands and the rest their
 * output. The arguments (language, prompts, modifiers) may come as options instead. The content is kept as written,
 * in a literal block of kind {@code prompt} whose options say the prompts and modifiers.
 */
final class PromptDirective extends Directive {

    private static final Spec SPEC = new Spec(0, 3, false, OptionConverters.spec(
            "language", OptionConverters.UNCHANGED,
            "prompts", OptionConverters.UNCHANGED,
            "modifiers", OptionConverters.UNCHANGED,
            Transforms.SUBSTITUTIONS, OptionConverters.FLAG), true);

    PromptDirective() {
        super(SPEC);
    }

    @Override
    List<Node> run(Call call) {
        Node node = CodeBlockDirective.literalBlock(call, "prompt");
        List<String> arguments = call.arguments();
        Object language = call.options().getOrDefault("language", arguments.isEmpty() ? null : arguments.get(0));
        if (language != null) {
            node.set("language", language.toString());
        }
        Map<String, String> options = new LinkedHashMap<>();
        String[] names = {"language", "prompts", "modifiers"};
        for (int i = 1; i < names.length; i++) {
            Object value = call.options().getOrDefault(names[i], arguments.size() > i ? arguments.get(i) : null);
            if (value != null) {
                options.put(names[i], value.toString());
            }
        }
        if (call.options().containsKey(Transforms.SUBSTITUTIONS)) {
            options.put(Transforms.SUBSTITUTIONS, "true");
        }
        node.set("options", options);
        if (call.content().isEmpty()) {
            call.refuseIfUnterminated();
            return List.of(node, call.memo().reportAt(Memo.WARNING, "directive",
                    "Content block expected for the \"prompt\" directive; none found.", call.position()));
        }
        return List.of(node);
    }
}
