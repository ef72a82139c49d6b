package org.rekindle.platform.axon;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Read-model writes gathered over one event processor batch and written together, instead of one round trip (or
 * two) per event: a handler hands its change to the batch's pending writes, which are written at the batch's last
 * message, or, when that message is not one of this handler's, as the batch's unit of work prepares to commit (before
 * the processor's token is committed, so a crash before it replays the batch, and the writes must be idempotent).
 * <p>
 * Outside a unit of work (a handler called directly) every change is written at once.
 */
public final class ProcessorBatch {

    /** Changes held in memory until {@link #flush()}; a second flush writes nothing. */
    public interface PendingWrites {
        void flush();
    }

    private ProcessorBatch() {
    }

    /**
     * Gives {@code change} the pending writes stored under {@code key} in the current batch (made by {@code create} on
     * the batch's first use) and writes them if this is the batch's last message.
     */
    public static <W extends PendingWrites> void add(String key, Supplier<W> create, Consumer<W> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            W writes = create.get();
            change.accept(writes);
            writes.flush();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        W writes = root.getOrComputeResource(key, k -> {
            W created = create.get();
            root.onPrepareCommit(committing -> created.flush());
            return created;
        });
        change.accept(writes);
        if (!(root instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            writes.flush();
        }
    }

    /**
     * Writes now what the current batch holds under {@code key}, if anything: for a handler that reads or writes the
     * same documents directly (an erasure, a re-seal), so it sees, and comes after, the batch's earlier events.
     */
    public static void writePending(String key) {
        if (CurrentUnitOfWork.isStarted()) {
            PendingWrites writes = CurrentUnitOfWork.get().root().getResource(key);
            if (writes != null) {
                writes.flush();
            }
        }
    }
}
