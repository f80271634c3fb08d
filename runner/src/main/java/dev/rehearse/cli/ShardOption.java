package dev.rehearse.cli;

import dev.rehearse.run.Shard;
import picocli.CommandLine.Option;

/** {@code --shard I/N}, for the commands of many runs ({@code matrix}, {@code runs}): a picocli mixin. */
final class ShardOption {

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run only the I-th of N slices of the values or runbooks (by name, dealt round), one for "
                    + "each of N parallel CI jobs; rehearse merge joins their report folders")
    String spec;

    /** @throws dev.rehearse.guide.BadInput when the spec is not I/N with 1 <= I <= N */
    Shard shard() {
        return spec == null ? Shard.WHOLE : Shard.parse(spec);
    }

    /** How the last line names what ran: {@code matrix}, or {@code matrix shard 2/3}. */
    String name(String command) {
        return shard().whole() ? command : command + " shard " + shard();
    }
}
