package dev.rehearse.read.rst;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.guide.SourceRoots;
import dev.rehearse.read.common.SourceText;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a reStructuredText guide (the Sphinx dialect of the Uberspace lab) with our own port of docutils' parser,
 * no Python at run time. The blocks agree with the docutils oracle ({@code ../shared/corpus/oracle}) field by field;
 * the findings are the structural defects seen on the way.
 */
public final class RstGuideReader implements GuideReader {

    @Override
    public Guide read(Path file, SourceRoots roots) {
        Path top = file.toAbsolutePath().normalize();
        ParseSettings settings = new ParseSettings(roots, top.getParent());
        List<String> lines = settings.load(top);
        Memo memo = new Memo(settings, top.toString());
        StateMachine machine = new StateMachine(memo, memo.document, true, StateName.BODY);
        memo.root = machine;
        try {
            machine.run(LineList.of(lines, top.toString()), 0);
        } catch (StackOverflowError e) {
            throw new BadInput(SourceText.display(top), lineOf(memo), "structure nested too deeply to read (the "
                    + "stack ran out)");
        }
        Transforms.apply(memo);
        List<Block> blocks = BlockExtractor.extract(memo);
        return new Guide(file, roots.root(), "rst", memo.document.getString("title"), blocks, new LazyFindings(memo));
    }

    private static int lineOf(Memo memo) {
        Integer line = memo.current().line();
        return line == null ? 0 : line;
    }
}
