package dev.rehearse.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.plan.VarValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's vars in its JSON records, one object each: {@code name}, {@code value} (null when unset; a secret's
 * placeholder), {@code from} ({@code default}, {@code fact}, {@code bound}), {@code fact} (the fact it followed, or
 * null) and {@code secret}. Written as {@code results.json} goes ({@link ResultsJson}), as a tree for the indexes of
 * many runs ({@link RunEntryJson}), and read back for {@code rehearse merge} ({@link RecordedRun}).
 */
final class VarsJson {
    static final String FIELD = "vars";

    private VarsJson() {
    }

    static void write(JsonGenerator g, List<VarValue> vars) throws IOException {
        g.writeArrayFieldStart(FIELD);
        for (VarValue var : vars) {
            g.writeStartObject();
            g.writeStringField("name", var.name());
            g.writeStringField("value", var.value());
            g.writeStringField("from", from(var));
            g.writeStringField("fact", var.fact());
            g.writeBooleanField("secret", var.secret());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void put(ObjectNode into, List<VarValue> vars) {
        ArrayNode array = into.putArray(FIELD);
        for (VarValue var : vars) {
            array.addObject().put("name", var.name()).put("value", var.value()).put("from", from(var))
                    .put("fact", var.fact()).put("secret", var.secret());
        }
    }

    /** @param array the {@code vars} array, or a missing node (a record written before runs kept their vars) */
    static List<VarValue> read(JsonNode array) {
        List<VarValue> vars = new ArrayList<>();
        for (JsonNode v : array) {
            vars.add(new VarValue(v.path("name").asText(), v.path("value").asText(null),
                    VarValue.From.valueOf(v.path("from").asText().toUpperCase(Locale.ROOT)), v.path("fact").asText(null),
                    v.path("secret").asBoolean()));
        }
        return vars;
    }

    private static String from(VarValue var) {
        return var.from().name().toLowerCase(Locale.ROOT);
    }
}
