package dev.rehearse.run;

import dev.rehearse.guide.BadInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code --shard I/N}: the I-th of N disjoint slices of a list of runs (a matrix's values, a folder's runbooks), so
 * that N jobs of a CI system's own parallel build each run one slice and together run all. The slice depends only on
 * the items' names: sorted by name (code point order, the same on every machine and in every locale), the item of rank
 * k goes to shard {@code k mod N + 1}. Dealt round, not cut in blocks, so neighbouring names (1.0, 1.1, 1.2) spread
 * over the jobs and the slices differ in size by one at most.
 *
 * @param index 1-based
 */
public record Shard(int index, int count) {

    /** every item: no {@code --shard} */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("no shard " + index + "/" + count);
        }
    }

    /** @throws BadInput naming the option unless {@code spec} is {@code I/N} with {@code 1 <= I <= N} */
    public static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            int count = Integer.parseInt(m.group(2));
            if (count >= 1 && index >= 1 && index <= count) {
                return new Shard(index, count);
            }
        }
        throw new BadInput("--shard " + spec, 0, "expected I/N, the I-th of N shards, 1 <= I <= N (e.g. 2/3)");
    }

    /** This shard's items, in the order given. */
    public <T> List<T> of(List<T> items, Function<T, String> name) {
        List<Integer> byName = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing(i -> name.apply(items.get(i)))).toList();
        boolean[] mine = new boolean[items.size()];
        for (int rank = index - 1; rank < byName.size(); rank += count) {
            mine[byName.get(rank)] = true;
        }
        List<T> slice = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (mine[i]) {
                slice.add(items.get(i));
            }
        }
        return slice;
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
