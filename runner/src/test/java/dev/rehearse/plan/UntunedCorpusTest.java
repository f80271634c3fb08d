package dev.rehearse.plan;

import dev.rehearse.model.Interaction;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.testing.SharedFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cases of issue 15 where the corpus has them: lab guides planned bare, as a new user would plan them. */
@Tag("conformance")
class UntunedCorpusTest {
    private static final TargetFacts FACTS = new TargetFacts("alice", "box1", "/home/alice", "alice.box1.test");

    static Plan plan(String name) {
        Path file = SharedFiles.file("corpus/lab/guide_" + name + ".rst");
        Guide guide = Guides.read(file);
        Runbook bare = Runbook.bare(name, file.getParent(), file);
        return new Planner(FACTS, Map.of()).plan(bare, guide);
    }

    private static Step at(Plan plan, String source, int line) {
        return plan.steps().stream().filter(s -> s.source().equals(source) && s.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no step at " + source + ":" + line));
    }

    private static String file(Step step) {
        return step instanceof WriteStep w ? w.verb() + " " + w.path() : ((EditStep) step).verb() + " " + ((EditStep) step).path();
    }

    @Test
    void addingToAFileAppendsOrMergesAndCreatesOnlyWhereTheGuideSaysCreate() {
        assertEquals("append ~/.bashrc", file(at(plan("starship"), "guide_starship.rst", 80)));
        Plan gitea = plan("gitea");
        assertEquals("create ~/gitea/custom/conf/app.ini", file(at(gitea, "guide_gitea.rst", 141)));
        assertEquals("merge ~/gitea/custom/conf/app.ini", file(at(gitea, "guide_gitea.rst", 469)));
        assertEquals("merge ~/gitea/custom/conf/app.ini", file(at(gitea, "guide_gitea.rst", 504)));
        // named in the paragraph before a warning that stands between it and the block
        assertEquals("create ~/bin/commento_daemon", file(at(plan("commento"), "guide_commento.rst", 74)));
    }

    @Test
    void placeholdersTheGuideGivesAValueForAreBound() {
        Plan miniflux = plan("miniflux");
        assertEquals("alice", miniflux.bindings().get("<username>").orElseThrow().value(), "replace <username> with your user name");
        assertEquals("1234", plan("isso").bindings().get("<port>").orElseThrow().value(), "Isso is running on port 1234");
        assertEquals("3000", plan("gitea").bindings().get("<port>").orElseThrow().value(), "gitea is running on port 3000");
        Plan filebrowser = plan("filebrowser");
        assertTrue(filebrowser.bindings().get("<password>").orElseThrow().secret(), "'<password>' gets a generated secret");
        assertEquals(List.of(new Placeholder("<username>", "guide_filebrowser.rst", 77)), filebrowser.unbound());
    }

    @Test
    void stepsForTheReadersOwnMachineAreSkipped() {
        Plan taskd = plan("taskd");
        assertEquals("for another machine: the prompt is isabell@local", at(taskd, "guide_taskd.rst", 46).policy().skip());
        assertNull(at(taskd, "guide_taskd.rst", 62).policy().skip());
        assertEquals("for another machine: the guide says \"your local\"",
                at(plan("aptly"), "guide_aptly.rst", 292).policy().skip());
    }

    @Test
    void aLogFollowedUntilTheReaderStopsItGetsCtrlCOnceItIsStill() {
        for (CommandStep follow : List.of((CommandStep) at(plan("genesis-db"), "guide_genesis-db.rst", 130),
                (CommandStep) at(plan("genesis-db"), "guide_genesis-db.rst", 131),
                (CommandStep) at(plan("hedgedoc"), "guide_hedgedoc.rst", 274))) {
            assertEquals(List.of(Interaction.interrupt("")), follow.interactions(), follow.command());
            assertEquals(130, follow.policy().expectExit(), follow.command());
        }
    }

    @Test
    void aServerStoppedWithCtrlCIsInterrupted() {
        Plan flask = plan("flask");
        CommandStep dev = (CommandStep) at(flask, "guide_flask.rst", 134);
        assertEquals(List.of(Interaction.interrupt("to quit")), dev.interactions());
        assertEquals(130, dev.policy().expectExit());
        CommandStep uwsgi = (CommandStep) at(flask, "guide_flask.rst", 179);
        assertEquals(List.of(Interaction.interrupt("uWSGI worker")), uwsgi.interactions(), "^C shown at the next prompt");
        assertTrue(flask.steps().stream().noneMatch(s -> s instanceof CommandStep c && c.command().startsWith("^C")));
    }

    @Test
    void theSupervisordIncludeNamesTheServiceJustWritten() {
        CommandStep reread = (CommandStep) at(plan("gitea"), "includes/supervisord.rst", 5);
        assertEquals("gitea: available", reread.expected().get(0).text());
    }

    @Test
    void addingToAFileThatIsNoYamlIniOrTomlAppendsAndNeverBreaksAJsonOrXmlFile() {
        assertEquals("append ~/html/config/config.inc.php", file(at(plan("roundcube"), "guide_roundcube.rst", 196)));
        assertEquals("append /var/www/virtual/$USER/mailman/Mailman/mm_cfg.py",
                file(at(plan("mailman"), "guide_mailman.rst", 216)));
        assertEquals("merge murmur.ini", file(at(plan("mumble"), "guide_mumble.rst", 151)));
        // "add or uncomment the following line within the <tomcat-users> tag": appended, the XML would break
        assertTrue(plan("tomcat").notSteps().stream().anyMatch(n -> n.line() == 128
                && n.why().equals("xml: a change to ~/tomcat/conf/tomcat-users.xml that only a merge of yaml, ini or toml can make")));
        // "create an array like the following" is no file
        assertTrue(plan("roundcube").steps().stream().noneMatch(s -> s instanceof WriteStep w && !w.append()
                && w.path().endsWith("config.inc.php")));
    }
}
