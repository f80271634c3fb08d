package dev.rehearse.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A report Rehearse wrote, read back as JSON (a results.json, a matrix.json from another machine): or one line. */
public final class JsonFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFile() {
    }

    /** @throws BadInput naming the file when it cannot be read or is not JSON (an empty file reads as missing) */
    public static JsonNode read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            // the parser's own words, without its location (the line is the message's) or its internal settings
            JsonLocation at = e.getLocation();
            throw new BadInput(file.toString(), at == null ? 0 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage()
                    .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*]\\)", "").replace("\n", " ").strip());
        } catch (IOException e) {
            throw new BadInput(file.toString(), 0, "cannot read it: " + e.getMessage());
        }
    }
}
