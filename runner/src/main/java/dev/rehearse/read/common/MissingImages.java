package dev.rehearse.read.common;

import dev.rehearse.guide.Finding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The missing-image rule for the Markdown and AsciiDoc readers, worded as the reStructuredText reader words it: a
 * local image the guide shows must exist. URLs, data URIs and Antora resource ids ({@code image$x.png}) are not
 * looked for; {@code /x} is relative to the source root, anything else to the folder given.
 */
public final class MissingImages {

    private MissingImages() {
    }

    /**
     * @param folder where a relative target resolves (the file's folder, or AsciiDoc's {@code imagesdir})
     * @param root   the guide's source root
     */
    public static void check(String target, Path folder, Path root, String source, int line, List<Finding> findings) {
        String uri = target.strip();
        if (uri.isEmpty() || uri.contains("://") || uri.startsWith("data:") || uri.startsWith("#") || uri.contains("$")) {
            return;
        }
        String path = URLDecoder.decode(uri.replaceFirst("[?#].*$", "").replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = path.startsWith("/") ? root.resolve(path.replaceFirst("^/+", "")) : folder.resolve(path);
        if (!Files.isRegularFile(file)) {
            findings.add(new Finding(source, line, Finding.Level.WARNING, "missing-image", "image file does not exist: " + uri));
        }
    }
}
