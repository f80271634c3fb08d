package dev.rehearse.target.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The stardust image is built from its recipe, reused while the recipe holds, and rebuilt when it does not. */
class StardustImageTest {
    private static final String SCRATCH = "rehearse/stardust:image-test";

    private static InspectImageResponse inspect(DockerClient docker, String image) {
        return docker.inspectImageCmd(image).exec();
    }

    @Test
    void aCurrentImageIsReusedAndCarriesWhatTheContainerTargetReads() {
        DockerClient docker = Docker.client();
        StardustImage.ensure(ContainerTarget.DEFAULT_IMAGE);
        String before = inspect(docker, ContainerTarget.DEFAULT_IMAGE).getId();
        StardustImage.ensure(ContainerTarget.DEFAULT_IMAGE);
        InspectImageResponse after = inspect(docker, ContainerTarget.DEFAULT_IMAGE);
        assertEquals(before, after.getId(), "a second ensure with the same recipe must not rebuild");
        Map<String, String> labels = after.getConfig().getLabels();
        assertNotNull(labels.get("dev.rehearse.recipe"));
        assertEquals("robin", labels.get("dev.rehearse.user"));
        assertEquals("ravel", labels.get("dev.rehearse.hostname"));
        assertEquals("stardust: ready", labels.get("dev.rehearse.ready"));
    }

    @Test
    void anImageOfAnotherRecipeIsRebuilt() {
        DockerClient docker = Docker.client();
        StardustImage.ensure(ContainerTarget.DEFAULT_IMAGE);
        InspectImageResponse current = inspect(docker, ContainerTarget.DEFAULT_IMAGE);
        // The base image under the stardust name: an image whose recipe label is not the stardust recipe.
        String base = "rehearse/stardust-base:latest";
        docker.tagImageCmd(base, "rehearse/stardust", "image-test").exec();
        try {
            assertNotEquals(current.getConfig().getLabels().get("dev.rehearse.recipe"),
                    inspect(docker, SCRATCH).getConfig().getLabels().get("dev.rehearse.recipe"));
            StardustImage.ensure(SCRATCH);
            InspectImageResponse rebuilt = inspect(docker, SCRATCH);
            assertNotEquals(inspect(docker, base).getId(), rebuilt.getId());
            assertEquals(current.getConfig().getLabels().get("dev.rehearse.recipe"),
                    rebuilt.getConfig().getLabels().get("dev.rehearse.recipe"));
        } finally {
            docker.removeImageCmd(SCRATCH).exec();
        }
    }
}
