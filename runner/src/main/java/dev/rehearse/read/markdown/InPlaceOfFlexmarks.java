package dev.rehearse.read.markdown;

import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;

import java.util.Set;

/**
 * A block parser factory that takes the place of one of flexmark's own (switched off in the parser's options): it
 * runs where flexmark's would, among the same neighbours, so the order of the other block parsers stays as flexmark
 * resolves it.
 */
abstract class InPlaceOfFlexmarks implements CustomBlockParserFactory {
    private final CustomBlockParserFactory flexmarks;

    InPlaceOfFlexmarks(CustomBlockParserFactory flexmarks) {
        this.flexmarks = flexmarks;
    }

    @Override
    public final Set<Class<?>> getAfterDependents() {
        return flexmarks.getAfterDependents();
    }

    @Override
    public final Set<Class<?>> getBeforeDependents() {
        return flexmarks.getBeforeDependents();
    }

    @Override
    public final boolean affectsGlobalScope() {
        return flexmarks.affectsGlobalScope();
    }
}
