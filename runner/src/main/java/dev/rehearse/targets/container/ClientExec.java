package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.rehearse.targets.UserFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a user in a container through the Docker client the run holds: the engine's exec calls without
 * starting a {@code docker} command first, which took about as long as the calls themselves. The output is kept as
 * bytes until the end, as a frame may end inside a character.
 * <p>
 * Input goes over the exec's hijacked connection, which the client never half-closes: the command sees no end of
 * its input and must stop reading by itself (a write that knows its length, {@link UserFiles}).
 * <p>
 * Not Testcontainers' {@code execInContainer}, which {@link ContainerTarget#execAsRoot} uses: it waits without
 * bound (a read of a named pipe the guide made would never end) and hands what the command printed, here the
 * file's content, to its logger.
 */
final class ClientExec implements UserFiles.Exec {
    private static final long ANSWER_SECONDS = 60;

    private final DockerClient client;
    private final String containerId;
    private final String user;

    ClientExec(DockerClient client, String containerId, String user) {
        this.client = client;
        this.containerId = containerId;
        this.user = user;
    }

    @Override
    public UserFiles.Ran run(List<String> argv, byte[] input) {
        boolean withInput = input.length > 0;
        String id = client.execCreateCmd(containerId).withUser(user).withCmd(argv.toArray(String[]::new))
                .withAttachStdin(withInput).withAttachStdout(true).withAttachStderr(true).exec().getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ResultCallback.Adapter<Frame> streams = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
            }
        }) {
            client.execStartCmd(id).withStdIn(withInput ? new ByteArrayInputStream(input) : null).exec(streams);
            if (!streams.awaitCompletion(ANSWER_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the container gave no answer in " + ANSWER_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a command ran in the container");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a command in the container", e);
        }
        Long exit = client.inspectExecCmd(id).exec().getExitCodeLong();
        if (exit == null) {
            throw new IllegalStateException("a command in the container ended without an exit status");
        }
        return new UserFiles.Ran(exit.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
