package org.rekindle.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch fails like a record listener would: what comes before the failing record is done, it is named. */
class RecordBatchesTest {

    private final List<String> handledTogether = new ArrayList<>();
    private final List<String> handledAlone = new ArrayList<>();

    private static String read(String record) {
        if (record.startsWith("{")) {
            throw new UnreadableRecordException("not a record: " + record, null);
        }
        return record;
    }

    @Test
    void readableRecordsAreHandledTogetherInTheOrderPolled() {
        RecordBatches.handle(List.of("a", "b", "c"), RecordBatchesTest::read, handledTogether::addAll,
                             handledAlone::add);
        assertThat(handledTogether).containsExactly("a", "b", "c");
        assertThat(handledAlone).isEmpty();
    }

    @Test
    void anUnreadableRecordIsNamedAfterTheRecordsBeforeItAreHandled() {
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "b", "{bad", "c"), RecordBatchesTest::read,
                                                      handledTogether::addAll, handledAlone::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                                        e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(UnreadableRecordException.class);
        assertThat(handledTogether).as("c is delivered again after the bad record is parked").containsExactly("a", "b");
    }

    @Test
    void anyFailureToReadARecordIsNamedByIndexNotPutOnTheWholeBatch() {
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "boom"), record -> {
            if (record.equals("boom")) {
                throw new IllegalArgumentException("cannot read " + record);
            }
            return record;
        }, handledTogether::addAll, handledAlone::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(handledTogether).containsExactly("a");
    }

    @Test
    void whenTheBatchFailsEachRecordIsHandledAloneUntilTheOneThatFails() {
        IllegalStateException failure = new IllegalStateException("store down for b");
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "b", "c"), RecordBatchesTest::read, all -> {
            throw new IllegalStateException("batch failed");
        }, record -> {
            if (record.equals("b")) {
                throw failure;
            }
            handledAlone.add(record);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
           .hasCause(failure);
        assertThat(handledAlone).containsExactly("a");
    }

    @Test
    void aBatchThatFailedOnceButWhoseRecordsEachSucceedIsDone() {
        RecordBatches.handle(List.of("a", "b"), RecordBatchesTest::read, all -> {
            throw new IllegalStateException("a write conflict");
        }, handledAlone::add);
        assertThat(handledAlone).containsExactly("a", "b");
    }
}
