package org.rekindle.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** When a processor batch's gathered writes are written: once, at its end, in Axon's own batching unit of work. */
class ProcessorBatchTest {

    private final List<List<String>> written = new ArrayList<>();

    /** Pending writes that record each flush that had something to write. */
    private final class Recorder implements ProcessorBatch.PendingWrites {
        private final List<String> held = new ArrayList<>();

        @Override
        public void flush() {
            if (!held.isEmpty()) {
                written.add(List.copyOf(held));
                held.clear();
            }
        }
    }

    @Test
    void theBatchIsWrittenOnceAtItsLastMessage() {
        List<Integer> writtenBeforeEachMessage = new ArrayList<>();
        process(List.of("a", "b", "c"), Set.of("a", "b", "c"), writtenBeforeEachMessage);

        assertThat(writtenBeforeEachMessage).as("nothing written while the batch runs").containsExactly(0, 0, 0);
        assertThat(written).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aBatchWhoseLastMessageIsNotHandledIsWrittenBeforeItCommits() {
        process(List.of("a", "b", "other"), Set.of("a", "b"), new ArrayList<>());

        assertThat(written).containsExactly(List.of("a", "b"));
    }

    @Test
    void outsideAUnitOfWorkEachChangeIsWrittenAtOnce() {
        ProcessorBatch.add("key", Recorder::new, recorder -> recorder.held.add("a"));
        ProcessorBatch.add("key", Recorder::new, recorder -> recorder.held.add("b"));

        assertThat(written).containsExactly(List.of("a"), List.of("b"));
    }

    /** Runs {@code payloads} as one batch, the handler taking only the {@code handled} ones, as a processor does. */
    private void process(List<String> payloads, Set<String> handled, List<Integer> writtenBeforeEachMessage) {
        List<EventMessage<String>> messages = new ArrayList<>();
        payloads.forEach(payload -> messages.add(new GenericEventMessage<>(payload)));
        BatchingUnitOfWork<EventMessage<String>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            String payload = batch.getMessage().getPayload();
            writtenBeforeEachMessage.add(written.size());
            if (handled.contains(payload)) {
                ProcessorBatch.add("key", Recorder::new, recorder -> recorder.held.add(payload));
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }
}
