package dev.rehearse.cli;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only: the JSON forms' schemas of docs/schemas, and what a document breaks of one. */
public final class JsonSchemas {
    static final Path DIR = Path.of(System.getProperty("rehearse.root", ".."), "docs", "schemas");

    private JsonSchemas() {
    }

    /** What {@code json} breaks of {@code docs/schemas/NAME.schema.json}, one line each; empty when it is valid. */
    public static List<String> problems(String name, String json) {
        try {
            // texts in and out: the validator reads JSON with its own Jackson (3), ours is Jackson 2
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(DIR.resolve(name + ".schema.json")), InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON).stream().map(com.networknt.schema.Error::toString).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
