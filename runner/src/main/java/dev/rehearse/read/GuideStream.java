package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads many guides, in order, on as many threads as there are processors: each guide is read on its own, so a
 * command over a whole corpus uses every core while it prints the guides one after the other. The first guide that
 * is bad input stops the stream with its {@link BadInput}, after the guides before it.
 */
public final class GuideStream implements AutoCloseable {

    private final List<Path> paths;
    private final ExecutorService pool;
    private final List<Future<Guide>> pending = new ArrayList<>();
    private int next;

    public GuideStream(List<Path> paths) {
        this.paths = List.copyOf(paths);
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), paths.size());
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            // the same stack as the main thread's usual 8 MB: nested constructs recurse
            Thread t = new Thread(null, r, "rehearse-read", 8L << 20);
            t.setDaemon(true);
            return t;
        }) : null;
        if (pool != null) {
            for (Path p : this.paths) {
                pending.add(pool.submit(() -> Guides.read(p)));
            }
        }
    }

    public boolean hasNext() {
        return next < paths.size();
    }

    /** The next guide in the order given. */
    public Guide next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int i = next++;
        if (pool == null) {
            return Guides.read(paths.get(i));
        }
        try {
            return pending.get(i).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + paths.get(i), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
