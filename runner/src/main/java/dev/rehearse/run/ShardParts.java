package dev.rehearse.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.files.FolderCopy;
import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report folders of the shards of one whole (a matrix's values, a folder's runbooks), each made by a
 * {@code --shard I/N} run, as {@code rehearse merge} joins them: every shard once, every item run by one shard only,
 * no shard missing (unless partial); then each item's report folder copied into the joined folder.
 */
public final class ShardParts {

    /**
     * What one folder holds.
     *
     * @param ran the items it ran, each with its report folder in {@code dir}
     */
    public record Part(Path dir, Shard shard, List<String> ran) {
    }

    private ShardParts() {
    }

    /** Says {@code shard} in a matrix.json or runs.json: null for a whole, else its index and count. */
    public static void put(ObjectNode root, Shard shard) {
        if (shard.whole()) {
            root.putNull("shard");
        } else {
            root.putObject("shard").put("index", shard.index()).put("count", shard.count());
        }
    }

    /** @throws BadInput naming {@code file} when the shard it says it is is no I/N with 1 <= I <= N */
    public static Shard recorded(JsonNode root, Path file) {
        JsonNode shard = root.path("shard");
        try {
            return shard.isObject() ? new Shard(shard.path("index").asInt(), shard.path("count").asInt())
                    : Shard.WHOLE;
        } catch (IllegalArgumentException e) {
            throw new BadInput(file.toString(), 0, "its shard is not I/N with 1 <= I <= N");
        }
    }

    /** Whether {@code name}, read from a shard's report, may name a folder of the joined one: none leads out. */
    public static boolean namesAFolder(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/");
    }

    /**
     * Whether {@code name}, read from a shard's report, may name a folder below the joined one, down a path of
     * folders ({@code docs/api/index}, a runbook's path below the folder run): every step of it a folder's name.
     */
    public static boolean namesAPath(String name) {
        return !name.contains("\\") && Arrays.stream(name.split("/", -1)).allMatch(ShardParts::namesAFolder);
    }

    /**
     * @param all     every item of the whole, in its order
     * @param order   the name an item is dealt to its shard by ({@link Shard#of})
     * @param whole   how a line names the whole: {@code shard 2/3 of WHOLE is missing}
     * @param label   how a line names an item
     * @param partial join what is there even when a shard is missing
     * @return for every item run, in the order of {@code all}, the part that ran it
     * @throws BadInput when a shard is given twice, two shards ran an item, or (unless partial) one is missing
     */
    public static Map<String, Part> join(List<Part> parts, List<String> all, Function<String, String> order,
                                         String whole, Function<String, String> label, boolean partial) {
        Map<Integer, Part> byIndex = new TreeMap<>();
        Map<String, Part> ranBy = new LinkedHashMap<>();
        for (Part part : parts) {
            Part again = byIndex.put(part.shard().index(), part);
            if (again != null) {
                throw new BadInput(part.dir().toString(), 0, "shard " + part.shard() + " is given twice (also "
                        + again.dir() + ")");
            }
            for (String item : part.ran()) {
                Part other = ranBy.put(item, part);
                if (other != null) {
                    throw new BadInput(part.dir().toString(), 0, "overlaps " + other.dir() + ": both ran "
                            + label.apply(item));
                }
            }
        }
        int count = parts.get(0).shard().count();
        for (int i = 1; i <= count && !partial; i++) {
            if (!byIndex.containsKey(i)) {
                List<String> its = new Shard(i, count).of(all, order);
                throw new BadInput("merge", 0, "shard " + i + "/" + count + " of " + whole + " is missing"
                        + (its.isEmpty() ? "" : " (" + String.join(", ", its.stream().map(label).toList()) + ")")
                        + ": give its folder too, or --partial to merge without it");
            }
        }
        Map<String, Part> ordered = new LinkedHashMap<>();
        for (String item : all) {
            if (ranBy.containsKey(item)) {
                ordered.put(item, ranBy.get(item));
            } else if (!partial) {
                throw new BadInput("merge", 0, "no shard ran " + label.apply(item)
                        + ": give the folder of the shard that did, or --partial to merge without it");
            }
        }
        return ordered;
    }

    /**
     * Copies each item's report folder ({@code folder} names it, the same in every part) into {@code out}, unless
     * {@code out} is the part's own folder; checks every place first, so that a refusal leaves {@code out} as it was.
     *
     * @return each item's report folder in {@code out}
     * @throws BadInput when {@code out} holds a folder of that name already
     */
    public static Map<String, Path> copyInto(Map<String, Part> ranBy, Function<String, String> folder, Path out)
            throws IOException {
        Map<String, Path> copied = new LinkedHashMap<>();
        for (Map.Entry<String, Part> item : ranBy.entrySet()) {
            Path from = item.getValue().dir().resolve(folder.apply(item.getKey()));
            Path to = out.resolve(folder.apply(item.getKey()));
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !same(from, to)) {
                throw new BadInput(to.toString(), 0, "exists already: merge into a folder that holds no run of "
                        + folder.apply(item.getKey()));
            }
            copied.put(item.getKey(), to);
        }
        for (Map.Entry<String, Part> item : ranBy.entrySet()) {
            Path from = item.getValue().dir().resolve(folder.apply(item.getKey()));
            Path to = copied.get(item.getKey());
            if (throughALink(item.getValue().dir(), folder.apply(item.getKey()))) {
                throw new BadInput(from.toString(), 0, "leads through a symbolic link: a shard's run folders are "
                        + "folders of its own");
            }
            if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS) && !same(from, to)) {
                FolderCopy.copy(from, to);
            }
        }
        return copied;
    }

    /** Whether a folder on the way from {@code dir} down {@code path} (its last one too) is a symbolic link. */
    private static boolean throughALink(Path dir, String path) {
        Path at = dir;
        for (String step : path.split("/")) {
            at = at.resolve(step);
            if (Files.isSymbolicLink(at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }
}
