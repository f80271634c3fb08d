package dev.rehearse.files;

import dev.rehearse.guide.BadInput;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML text as SnakeYAML's tree of nodes, with their lines: what a sidecar and a merge read. Composed directly, as
 * {@code Yaml.compose} does, without the object constructor and representer a {@code Yaml} builds first and that
 * reading a tree never uses (setting them up was a tenth of a cold {@code lint}).
 */
public final class YamlText {

    private YamlText() {
    }

    /**
     * @param name what the text is, for the one line that says what is wrong with it
     * @return the document's root node; null for an empty document
     * @throws BadInput when the text is not valid YAML
     */
    public static Node compose(String text, String name) {
        LoaderOptions options = new LoaderOptions();
        try {
            return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new BadInput(name, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new BadInput(name, lineOf(text, e.getMessage()), "not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** an alias ({@code *name}) as YAML writes one */
    private static final Pattern ALIAS = Pattern.compile("(?<![\\w*])\\*[\\w.-]+");

    /**
     * Where a problem SnakeYAML gives no place for stands: past the limit of aliases (a "billion laughs"), the line of
     * the first alias over it; else the first line.
     */
    private static int lineOf(String text, String problem) {
        Matcher limit = Pattern.compile("aliases .* max=(\\d+)").matcher(problem == null ? "" : problem);
        if (limit.find()) {
            Matcher alias = ALIAS.matcher(text);
            for (int seen = 0; alias.find(); ) {
                if (++seen > Integer.parseInt(limit.group(1))) {
                    return (int) text.substring(0, alias.start()).chars().filter(c -> c == '\n').count() + 1;
                }
            }
        }
        return 1;
    }
}
