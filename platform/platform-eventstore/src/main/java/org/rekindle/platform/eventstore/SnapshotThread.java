package org.rekindle.platform.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that takes an aggregate's snapshots, so a command never waits for one: Axon's default
 * snapshotter runs on the command's thread right after its commit, and a snapshot costs what the aggregate's state
 * costs to serialize and store (a long journal's is several megabytes). The snapshotter skips an aggregate whose
 * snapshot is already queued, so the queue holds at most one task per aggregate. A snapshot lost at shutdown is
 * taken after the next threshold's worth of events; until then loading reads the older snapshot and a longer tail.
 * <p>
 * Not an {@link java.util.concurrent.Executor} bean on purpose: that would replace Spring Boot's task executor.
 */
public final class SnapshotThread implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotThread.class);
    static final String NAME = "axon-snapshotter";

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, NAME);
        thread.setDaemon(true);
        return thread;
    });

    /** Queues the snapshot; once the service is stopping it is skipped (the command that asked is committed). */
    void execute(Runnable snapshot) {
        try {
            executor.execute(snapshot);
        } catch (RejectedExecutionException stopping) {
            log.info("Snapshot skipped: the service is stopping");
        }
    }

    /** Lets a snapshot being written finish (briefly), and drops the ones still queued. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
