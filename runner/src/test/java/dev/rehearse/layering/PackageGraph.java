package dev.rehearse.layering;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages use which, read from compiled classes: every name of ours in a class file's constant pool
 * (class references, field and method descriptors, generic signatures) counts. Source comments do not.
 */
final class PackageGraph {
    private static final Pattern OURS = Pattern.compile("dev/rehearse/((?:[a-z0-9_]+/)*)[A-Za-z0-9_$]+");

    private PackageGraph() {
    }

    /** package (dotted, without {@code dev.rehearse.}) -> the other packages of ours it uses */
    static Map<String, Set<String>> of(Path classes) {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve("dev/rehearse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String from = packageOf(classes.relativize(file).toString().replace('\\', '/'));
                Set<String> to = uses.computeIfAbsent(from, p -> new TreeSet<>());
                try (InputStream in = Files.newInputStream(file)) {
                    for (String name : utf8Constants(in)) {
                        Matcher m = OURS.matcher(name);
                        while (m.find()) {
                            String used = packageOf("dev/rehearse/" + m.group(1) + "X");
                            if (!used.equals(from)) {
                                to.add(used);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** {@code dev/rehearse/targets/shell/X.class} -> {@code targets.shell}; the root package is {@code ""} */
    private static String packageOf(String path) {
        String rest = path.substring("dev/rehearse/".length());
        int slash = rest.lastIndexOf('/');
        return slash < 0 ? "" : rest.substring(0, slash).replace('/', '.');
    }

    /** The text constants of a class file (JVMS 4.4); the other constants are skipped by their sizes. */
    static List<String> utf8Constants(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or a double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
