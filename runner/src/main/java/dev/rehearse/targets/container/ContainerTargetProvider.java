package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOption;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.ssh.SshTargetProvider;
import dev.rehearse.targets.container.ContainerTarget.Networking;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code container}: a fresh stardust host; {@code container:IMAGE}: a fresh container of a local image. */
public final class ContainerTargetProvider implements TargetProvider {
    static final String NETWORK = "--network";

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

    @Override
    public List<TargetOption> options() {
        return List.of(new TargetOption(NETWORK, "none|host", "container: none, its own loopback only (the default); "
                + "host, the machine's network, for a guide that downloads what it installs (its servers' ports are "
                + "then the machine's: runs at once may clash)"));
    }

    /** Its own options, and ssh's, which reach a DOCKER_HOST=ssh:// engine. */
    @Override
    public boolean reads(String option) {
        return TargetProvider.super.reads(option) || new SshTargetProvider().reads(option);
    }

    /**
     * The Docker engine's address, and whether it answers there (an ssh:// engine's connection), and the stardust
     * image's recipe, which names the image to look for: both made while the guide is read.
     */
    @Override
    public void prepare(String spec, TargetOptions options) {
        Docker.reachSshEnginesWith(options);
        Docker.reachEarly();
        if (StardustImage.flavourNamed(imageOf(spec)).isPresent()) {
            StardustRecipe.readEarly();
        }
    }

    @Override
    public List<String> reapLeftovers(TargetOptions options) {
        Docker.reachSshEnginesWith(options);
        return ContainerTarget.reapLeftovers();
    }

    /** Every run makes a container of its own: a kept one (--keep) is there to look at, not to go on in. */
    @Override
    public Optional<String> afreshEachRun(String spec) {
        return Optional.of("a fresh container");
    }

    /** A dead run's container is no obstacle to a new one: the two are not waited on one after the other. */
    @Override
    public boolean reapsAlongsideOpening() {
        return true;
    }

    /** The ssh options (--identity, --known-hosts, --ssh-config, --accept-new) reach a DOCKER_HOST=ssh:// engine. */
    @Override
    public Target open(String spec, TargetOptions options) {
        Docker.reachSshEnginesWith(options);
        String image = imageOf(spec);
        if (image.isEmpty()) {
            throw new BadInput("--target", 0, "container: names no image (container:IMAGE)");
        }
        if (!IMAGE.matcher(image).matches()) {
            throw new BadInput("--target", 0, "container:" + image + ": not an image's name (a reference as docker "
                    + "takes it: letters, digits and . _ - : / @)");
        }
        return ContainerTarget.open(image, networking(options.value(NETWORK)), options.keep(), options.stamp(),
                options.stop());
    }

    private static Networking networking(String given) {
        if (given == null || given.equals("none")) {
            return Networking.NONE;
        }
        if (given.equals("host")) {
            return Networking.ONLINE;
        }
        throw new BadInput(NETWORK + " " + given, 0, "the container's network is none (its own loopback only) or "
                + "host (the machine's)");
    }

    /**
     * A container starts while the guide is read: the engine, not this process, does most of the work, and a wrong
     * guide's stop removes it at once, wherever its start is.
     */
    @Override
    public boolean opensAlongsideReading() {
        return true;
    }

    /** an image reference ({@code [registry[:port]/]name[:tag][@digest]}, or an image id) */
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}");

    /** the image {@code container} or {@code container:IMAGE} names; empty for {@code container:} */
    private static String imageOf(String spec) {
        return spec.equals("container") ? ContainerTarget.DEFAULT_IMAGE : spec.substring("container:".length());
    }
}
