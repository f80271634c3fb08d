package dev.rehearse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only: the JSON forms' schemas of docs/schemas, and what a document breaks of one. */
public final class JsonSchemas {
    static final Path DIR = Path.of(System.getProperty("rehearse.root", ".."), "docs", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    /** What {@code json} breaks of {@code docs/schemas/NAME.schema.json}, one line each; empty when it is valid. */
    public static List<String> problems(String name, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(Files.readString(DIR.resolve(name + ".schema.json"))));
            return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
