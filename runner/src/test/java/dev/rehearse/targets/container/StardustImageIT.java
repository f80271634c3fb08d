package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stardust image is named after its recipe: reused while the recipe holds, and a changed recipe gets an image
 * of its own, leaving the other one in place (checkouts sharing an engine never rebuild over each other).
 */
class StardustImageIT {

    private static InspectImageResponse inspect(DockerClient docker, String image) {
        return docker.inspectImageCmd(image).exec();
    }

    @Test
    void aCurrentImageIsReusedAndCarriesWhatTheContainerTargetReads() {
        DockerClient docker = Docker.client();
        String image = StardustImage.ensure("stardust");
        String id = inspect(docker, image).getId();
        assertEquals(image, StardustImage.ensure("stardust"));
        InspectImageResponse again = inspect(docker, image);
        assertEquals(id, again.getId(), "a second ensure with the same recipe must not rebuild");
        assertTrue(image.matches("rehearse/stardust:[0-9a-f]{16}"), image);
        Map<String, String> labels = again.getConfig().getLabels();
        assertEquals(image.substring(image.indexOf(':') + 1), labels.get("dev.rehearse.recipe"));
        assertEquals("robin", labels.get("dev.rehearse.user"));
        assertEquals("ravel", labels.get("dev.rehearse.hostname"));
        assertEquals("stardust: ready", labels.get("dev.rehearse.ready"));
    }

    /**
     * A run finds an image that is there without build.sh, computing its name as the script does: for both
     * flavours, the name is the one the repository's script prints.
     */
    @ParameterizedTest
    @ValueSource(strings = {"stardust", "stardust-real"})
    void theImageFoundWithoutTheScriptIsTheOneTheScriptNames(String flavour) throws IOException {
        Path root = Path.of(System.getProperty("rehearse.root"));
        String printed = Processes.run(root, Map.of(), "fixtures/stardust/build.sh", flavour).strip();
        String named = printed.substring(printed.lastIndexOf('\n') + 1);
        DockerClient docker = Docker.client();
        StardustRecipe recipe = StardustRecipe.packed();

        String baseId = inspect(docker, recipe.baseImage(flavour)).getId();
        assertEquals(named, recipe.image(flavour, baseId));
        assertEquals(named, StardustImage.ensure(flavour));
    }

    @Test
    void aChangedRecipeGetsAnImageOfItsOwn(@TempDir Path dir) throws IOException {
        DockerClient docker = Docker.client();
        String image = StardustImage.ensure("stardust");
        String id = inspect(docker, image).getId();
        Path fixtures = Path.of(System.getProperty("rehearse.root")).resolve("fixtures");
        Path copy = dir.resolve("fixtures");
        Processes.run(dir, Map.of(), "mkdir", "fixtures");
        Processes.run(dir, Map.of(), "cp", "-a", fixtures.resolve("stardust").toString(),
                fixtures.resolve("synapse-double").toString(), copy.toString());
        Files.writeString(copy.resolve("stardust/Dockerfile"), "# a changed recipe\n", StandardOpenOption.APPEND);

        String printed = Processes.run(dir, Map.of(), copy.resolve("stardust/build.sh").toString()).strip();
        String other = printed.substring(printed.lastIndexOf('\n') + 1); // the image; progress lines come before it
        try {
            assertNotEquals(image, other);
            assertEquals(other.substring(other.indexOf(':') + 1),
                    inspect(docker, other).getConfig().getLabels().get("dev.rehearse.recipe"));
            assertEquals(id, inspect(docker, image).getId(), "the image of the first recipe is still there, unchanged");
        } finally {
            docker.removeImageCmd(other).exec();
            docker.tagImageCmd(image, "rehearse/stardust", "latest").exec();
        }
    }
}
