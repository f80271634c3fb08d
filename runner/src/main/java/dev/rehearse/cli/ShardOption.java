package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.run.Shard;

/** {@code --shard I/N}, for the commands of many runs ({@code matrix}, {@code runs}). */
final class ShardOption {

    static final Option<String> SHARD = Option.value("--shard", "I/N",
            "run only the I-th of N slices of the values or runbooks (by name, dealt round), one for "
                    + "each of N parallel CI jobs; rehearse merge joins their report folders");

    private ShardOption() {
    }

    /** @throws dev.rehearse.guide.BadInput when the spec is not I/N with 1 <= I <= N */
    static Shard shard(Arguments given) {
        String spec = given.get(SHARD);
        return spec == null ? Shard.WHOLE : Shard.parse(spec);
    }

    /** How the last line names what ran: {@code matrix}, or {@code matrix shard 2/3}. */
    static String name(Arguments given, String command) {
        return shard(given).whole() ? command : command + " shard " + shard(given);
    }
}
