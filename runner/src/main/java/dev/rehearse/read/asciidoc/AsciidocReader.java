package dev.rehearse.read.asciidoc;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.guide.SourceRoots;
import dev.rehearse.read.common.LiteralBlocks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an AsciiDoc guide into the guide model without JRuby, in three passes:
 * <ol>
 *   <li>{@link Preprocessor}: includes inlined and conditionals applied, every line keeping its own file and
 *       line (so a block from an include names the include);</li>
 *   <li>{@link BlockScanner} finds the blocks, their exact lines, sections and the prose before them;</li>
 *   <li>asciidoc-java ({@link SectionTitles}) reads the outline the scan found: the document header and the
 *       section titles with their inline markup rendered.</li>
 * </ol>
 * Why not take the blocks from asciidoc-java too: its model carries no source positions at all, and in 1.2.13 it
 * drops or rewrites some of the very blocks we run: a listing attached by {@code +} to a description-list item
 * vanishes into the item's text, an indented literal paragraph becomes prose, a {@code [source]} paragraph has
 * its lines joined into one, callouts are rewritten inside the content, and a callout marker without a callout
 * list makes it throw. Block text must be exactly what the author wrote, so the blocks come from a line scan
 * that follows Asciidoctor's rules, and the library reads only the outline.
 *
 * <p>Blocks get {@code kind} {@code listing} (a {@code ----} block, a {@code ```} fence or a {@code [source]}
 * paragraph) or {@code literal} ({@code ....}, {@code [literal]}, an indented paragraph); {@code langOrigin} is
 * {@code attribute} ({@code [source,console]}), {@code info-string} (a fence), {@code highlight} (the document's
 * {@code :source-language:}) or {@code default} (none). The block title and named attributes
 * ({@code file=~/etc/app.ini}) are in {@link Block#options()} ({@code title}, {@code file}, ...), and the title also
 * ends the block's preceding text, since it is the prose a reader sees right above the content.
 */
public final class AsciidocReader implements GuideReader {

    @Override
    public Guide read(Path file, SourceRoots roots) {
        Path root = roots.root();
        List<Finding> findings = new ArrayList<>();
        List<SourceLine> lines = new Preprocessor(roots, findings).flatten(file);
        Path folder = file.toAbsolutePath().normalize().getParent();
        BlockScanner scanner = new BlockScanner(lines, folder, root.toAbsolutePath().normalize(), findings);
        List<Block> scanned = scanner.scan();
        SectionTitles titles = SectionTitles.render(scanner.headingLines(), LiteralBlocks.relative(root, file), findings);
        List<Block> blocks = scanned.stream().map(block -> withSection(block,
                block.section().stream().map(titles::plain).toList())).toList();
        // the passes report in their own order; lint reads findings file by file, line by line
        findings.sort(Comparator.comparing(Finding::source).thenComparingInt(Finding::line));
        return new Guide(file, root, "asciidoc", titles.documentTitle(), blocks, findings);
    }

    private static Block withSection(Block b, List<String> section) {
        return new Block(b.kind(), b.language(), b.langOrigin(), b.source(), b.line(), b.contentLine(), b.indent(),
                b.options(), b.emphasizeLines(), b.emphasizeError(), b.emphasizeOutOfRange(), b.droppedBySphinx(),
                section, b.context(), b.precedingText(), b.text());
    }
}
