package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads every block of the corpus oracle as a transcript and prints what it saw. */
@Tag("conformance")
class CorpusTranscriptsTest {
    /** a line that plainly types something at an Uberspace prompt */
    private static final Pattern TYPED = Pattern.compile("^\\s*(\\(\\S+\\)\\s+)?\\[[\\w.-]+@[\\w.-]+[^\\]]*\\][$#]?\\s+\\S.*");

    @Test
    void everyCorpusConsoleBlock() {
        List<Guide> corpus = new ArrayList<>(OracleGuides.corpus());
        corpus.add(OracleGuides.seed());
        TranscriptReader reader = new TranscriptReader(List.of(), "<secret>");
        int blocks = 0, sessions = 0, fileContent = 0, commands = 0, multiLine = 0, prompts = 0, hidden = 0, repls = 0,
                elisions = 0, noSigil = 0;
        List<String> swallowed = new ArrayList<>();
        for (Guide guide : corpus) {
            for (Block b : guide.blocks()) {
                blocks++;
                Optional<Transcript> t = reader.read(b.lines(), b.contentLine(), b.language());
                if (t.isEmpty()) {
                    if (b.language() == null || Set.of("console", "bash", "sh", "shell", "none", "text").contains(b.language())) {
                        fileContent++;
                    }
                    continue;
                }
                sessions++;
                Set<Integer> commandLines = new HashSet<>();
                for (TranscriptCommand c : t.get().entries()) {
                    commandLines.add(c.line());
                    if (c.prompt().sigil() == null) {
                        noSigil++;
                    }
                    if (c.isEmpty()) {
                        continue;
                    }
                    commands++;
                    if (c.command().contains("\n")) {
                        multiLine++;
                    }
                    for (Interaction i : c.interactions()) {
                        if (i.hidden()) {
                            hidden++;
                        } else if (!i.prompt().endsWith(">") || i.prompt().equals(">")) {
                            prompts++;
                        }
                    }
                    if (c.expected().stream().anyMatch(e -> e.kind() == ExpectedLine.Kind.REPL_INPUT)) {
                        repls++;
                    }
                    elisions += (int) c.expected().stream().filter(e -> e.kind() == ExpectedLine.Kind.ELISION).count();
                }
                List<String> lines = b.lines();
                for (int k = 0; k < lines.size(); k++) {
                    if (TYPED.matcher(lines.get(k)).matches() && !commandLines.contains(b.contentLine() + k)) {
                        swallowed.add(b.source() + ":" + (b.contentLine() + k) + ": " + lines.get(k));
                    }
                }
            }
        }
        System.out.printf("corpus transcripts: %d guides, %d blocks, %d sessions, %d shell-language blocks read as file content%n",
                corpus.size(), blocks, sessions, fileContent);
        System.out.printf("  %d commands (%d over several lines), %d answered prompts, %d hidden prompts, %d REPL sessions, "
                + "%d elisions, %d prompts without sigil%n", commands, multiLine, prompts, hidden, repls, elisions, noSigil);
        swallowed.forEach(s -> System.out.println("  typed at a prompt but not a command: " + s));
        assertEquals(List.of(), swallowed, "every line typed at a prompt starts a command of its own");
        assertTrue(repls >= 4, "the psql, sqlite and python sessions of synapse, hasteserver, fathom_lite and mailman-3: " + repls);
        assertTrue(sessions > 1000 && commands > 2000, "most corpus blocks are sessions: " + sessions + " / " + commands);
    }
}
