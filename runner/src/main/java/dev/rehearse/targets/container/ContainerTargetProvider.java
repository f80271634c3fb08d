package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.container.ContainerTarget.Networking;
import dev.rehearse.targets.ssh.SshTargetProvider;

import java.util.List;

/** {@code container}: a fresh stardust host; {@code container:IMAGE}: a fresh container of a local image. */
public final class ContainerTargetProvider implements TargetProvider {

    @Override
    public String scheme() {
        return "container";
    }

    @Override
    public List<String> forms() {
        return List.of("container", "container:IMAGE");
    }

    @Override
    public String summary() {
        return "a fresh stardust host in Docker (or of a local IMAGE)";
    }

    /** The Docker client: a second or more of loading classes and asking the engine, done while the guide is read. */
    @Override
    public void prepare(TargetOptions options) {
        Docker.reachSshEnginesWith(SshTargetProvider.sshOptions(options));
        Docker.openEarly();
    }

    @Override
    public List<String> reapLeftovers(TargetOptions options) {
        Docker.reachSshEnginesWith(SshTargetProvider.sshOptions(options));
        return ContainerTarget.reapLeftovers();
    }

    /** The ssh options (--identity, --known-hosts, --ssh-config, --accept-new) reach a DOCKER_HOST=ssh:// engine. */
    @Override
    public Target open(String spec, TargetOptions options) {
        Docker.reachSshEnginesWith(SshTargetProvider.sshOptions(options));
        if (spec.equals("container")) {
            return ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.NONE, options.keep(), options.stamp());
        }
        String image = spec.substring("container:".length());
        if (image.isEmpty()) {
            throw new BadInput("--target", 0, "container: names no image (container:IMAGE)");
        }
        return ContainerTarget.open(image, Networking.NONE, options.keep(), options.stamp());
    }
}
