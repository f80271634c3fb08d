package dev.rehearse.run;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {

    @Test
    void slicesAreDisjointCoverEverythingAndDifferInSizeByOneAtMost() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            values.add("1." + i);
        }
        for (int count = 1; count <= 25; count++) {
            Set<String> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int index = 1; index <= count; index++) {
                List<String> slice = new Shard(index, count).of(values, v -> v);
                for (String value : slice) {
                    assertTrue(seen.add(value), value + " is in two shards of " + count);
                }
                smallest = Math.min(smallest, slice.size());
                largest = Math.max(largest, slice.size());
            }
            assertEquals(Set.copyOf(values), seen, "the " + count + " shards together run every value");
            assertTrue(largest - smallest <= 1, count + " shards: " + smallest + " to " + largest);
        }
    }

    @Test
    void aValueLandsInTheSameShardWhateverTheOrderGiven() {
        List<String> values = new ArrayList<>(List.of("1.0.0", "1.67.0", "1.2", "2.0", "0.99", "1.10"));
        List<String> first = new Shard(2, 3).of(values, v -> v);
        Random random = new Random(17);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(values, random);
            List<String> again = new Shard(2, 3).of(values, v -> v);
            assertEquals(Set.copyOf(first), Set.copyOf(again), "shard 2/3 of " + values);
            assertEquals(values.stream().filter(again::contains).toList(), again, "in the order given");
        }
    }

    @Test
    void sortedByNameThenDealtRound() {
        // by name: 0.99, 1.0.0, 1.10, 1.2, 1.67.0, 2.0 (code point order, the same in every locale)
        List<String> values = List.of("2.0", "1.2", "1.0.0", "0.99", "1.67.0", "1.10");
        assertEquals(List.of("1.2", "0.99"), new Shard(1, 3).of(values, v -> v), "ranks 0 and 3");
        assertEquals(List.of("1.0.0", "1.67.0"), new Shard(2, 3).of(values, v -> v), "ranks 1 and 4");
        assertEquals(List.of("2.0", "1.10"), new Shard(3, 3).of(values, v -> v), "ranks 2 and 5");
        assertEquals(List.of(), new Shard(7, 7).of(values, v -> v), "more shards than values: some run nothing");
    }

    @Test
    void aSpecIsIOverNWithIFromOneToN() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(Shard.WHOLE, Shard.parse("1/1"));
        assertEquals("4/4", Shard.parse("4/4").toString());
        for (String bad : List.of("0/3", "4/3", "x", "1/0", "-1/3", "1/", "/3", "1/3/5", "", "1.5/3",
                "99999999/99999999")) {
            BadInput e = assertThrows(BadInput.class, () -> Shard.parse(bad), bad);
            assertEquals("--shard " + bad + ": expected I/N, the I-th of N shards, 1 <= I <= N (e.g. 2/3)",
                    e.getMessage());
        }
    }
}
