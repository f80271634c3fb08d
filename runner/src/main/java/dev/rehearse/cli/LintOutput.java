package dev.rehearse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.guide.Finding;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rehearse lint} prints, in the form asked for: {@code text} ({@code file:line: level: message [rule]}
 * a line), {@code json} (docs/schemas/lint.schema.json) or {@code sarif} (SARIF 2.1.0 with what code-scanning pages
 * read: the tool and its rules, and each result's rule id, level, message, file and region; see
 * docs/schemas/lint.sarif.schema.json). The rules report whole lines, so a finding's column is 1, the line's start.
 */
final class LintOutput {
    /** The schema SARIF consumers look for in {@code $schema}. */
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    enum Format { TEXT, JSON, SARIF }

    /** Made only for json and sarif: a mapper loads some 400 classes, a third of what {@code lint} loads in all. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A finding and the file it is in as the user would type it. */
    record Shown(String file, Finding finding) {
    }

    private LintOutput() {
    }

    static String render(Format format, List<Shown> findings, int guides, String version) {
        return switch (format) {
            case TEXT -> text(findings);
            case JSON -> json(findings, guides);
            case SARIF -> sarif(findings, version);
        };
    }

    private static String text(List<Shown> findings) {
        StringBuilder out = new StringBuilder();
        for (Shown s : findings) {
            Finding f = s.finding();
            out.append(s.file()).append(':').append(f.line()).append(": ").append(f.level().label()).append(": ")
                    .append(f.message()).append(" [").append(f.rule()).append("]\n");
        }
        return out.toString();
    }

    private static String json(List<Shown> findings, int guides) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("findings");
        int[] counts = new int[Finding.Level.values().length];
        for (Shown s : findings) {
            Finding f = s.finding();
            list.addObject().put("file", s.file()).put("line", f.line()).put("column", 1).put("level", f.level().label())
                    .put("rule", f.rule()).put("message", f.message());
            counts[f.level().ordinal()]++;
        }
        root.putObject("summary").put("errors", counts[Finding.Level.ERROR.ordinal()])
                .put("warnings", counts[Finding.Level.WARNING.ordinal()])
                .put("infos", counts[Finding.Level.INFO.ordinal()]).put("guides", guides);
        return write(root);
    }

    private static String sarif(List<Shown> findings, String version) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", SARIF_SCHEMA).put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "rehearse").put("semanticVersion", version);
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (Shown s : findings) {
            Finding f = s.finding();
            if (!ruleIndex.containsKey(f.rule())) {
                ruleIndex.put(f.rule(), ruleIndex.size());
                ObjectNode rule = rules.addObject().put("id", f.rule()).put("name", f.rule());
                rule.putObject("shortDescription").put("text", f.rule().replace('-', ' '));
                rule.putObject("defaultConfiguration").put("level", sarifLevel(f.level()));
            }
        }
        ArrayNode results = run.putArray("results");
        for (Shown s : findings) {
            Finding f = s.finding();
            ObjectNode result = results.addObject().put("ruleId", f.rule()).put("ruleIndex", ruleIndex.get(f.rule()))
                    .put("level", sarifLevel(f.level()));
            result.putObject("message").put("text", f.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation").put("uri", uri(s.file()));
            if (!s.file().startsWith("/")) {
                artifact.put("uriBaseId", "%SRCROOT%");
            }
            // a finding about a whole file (line 0) has no region: SARIF's lines start at 1
            if (f.line() > 0) {
                physical.putObject("region").put("startLine", f.line()).put("startColumn", 1);
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        return write(root);
    }

    /** A relative path as a relative URI reference, an absolute one as a file URI; spaces and the like escaped. */
    private static String uri(String file) {
        List<String> parts = new ArrayList<>();
        for (String part : file.split("/", -1)) {
            parts.add(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String path = String.join("/", parts);
        return file.startsWith("/") ? "file://" + path : path;
    }

    private static String sarifLevel(Finding.Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String write(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
