package dev.rehearse.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * A documentation site's folder at discovery (nothing runs): its guides are runbooks, its pages of prose, which show
 * nothing to type and no file to write, none; a folder's only guide is one all the same, to fail as one with no step.
 */
class PagesOfProseTest {
    @TempDir
    Path site;

    @Test
    void pagesOfProseAmongGuidesAreNoRunbooks() throws IOException {
        Files.createDirectories(site.resolve("api"));
        Files.createDirectories(site.resolve("install"));
        Files.writeString(site.resolve("index.md"), "# Welcome\n\nThese pages tell how to install it.\n");
        Files.writeString(site.resolve("api/index.md"), "# API\n\n```json\n{\"ok\": true}\n```\n");
        Files.writeString(site.resolve("install/index.md"), "# Install\n\n```console\n$ echo installed\ninstalled\n```\n");
        assertEquals(List.of(site.resolve("install/index.md").toString()), runbooks(site));
        assertEquals(List.of(site.resolve("api/index.md").toString()), runbooks(site.resolve("api")),
                "a folder's only guide");
    }

    /** the paths of the runbooks discovered under {@code folder} */
    private static List<String> runbooks(Path folder) {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory(folder.toFile()))
                .filters(EngineFilter.includeEngines(RehearseTestEngine.ID))
                .build());
        List<String> names = new ArrayList<>();
        for (TestIdentifier engine : plan.getRoots()) {
            // a runbook's id is its path (absolute, as the folder lies outside the working directory)
            plan.getChildren(engine).forEach(runbook -> names.add(runbook.getUniqueIdObject().getLastSegment()
                    .getValue()));
        }
        return names;
    }
}
