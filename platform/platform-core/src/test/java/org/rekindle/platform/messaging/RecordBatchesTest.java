package org.rekindle.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch fails like a record listener would: what comes before the failing record is done, it is named. */
class RecordBatchesTest {

    private final List<List<String>> calls = new ArrayList<>();

    private static String read(String record) {
        if (record.startsWith("{")) {
            throw new UnreadableRecordException("not a record: " + record, null);
        }
        return record;
    }

    @Test
    void readableRecordsAreHandledTogetherInTheOrderPolled() {
        RecordBatches.handle(List.of("a", "b", "c"), RecordBatchesTest::read, calls::add);
        assertThat(calls).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void anUnreadableRecordIsNamedAfterTheRecordsBeforeItAreHandled() {
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "b", "{bad", "c"), RecordBatchesTest::read,
                                                      calls::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                                        e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(UnreadableRecordException.class);
        assertThat(calls).as("c is delivered again after the bad record is parked").containsExactly(List.of("a", "b"));
    }

    @Test
    void anyFailureToReadARecordIsNamedByIndexNotPutOnTheWholeBatch() {
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "boom"), record -> {
            if (record.equals("boom")) {
                throw new IllegalArgumentException("cannot read " + record);
            }
            return record;
        }, calls::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(calls).containsExactly(List.of("a"));
    }

    @Test
    void whenTheBatchFailsEachRecordIsHandledAloneUntilTheOneThatFails() {
        IllegalStateException failure = new IllegalStateException("store down for b");
        assertThatThrownBy(() -> RecordBatches.handle(List.of("a", "b", "c"), RecordBatchesTest::read, records -> {
            if (records.size() > 1) {
                throw new IllegalStateException("batch failed");
            }
            if (records.get(0).equals("b")) {
                throw failure;
            }
            calls.add(records);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
           .hasCause(failure);
        assertThat(calls).containsExactly(List.of("a"));
    }

    @Test
    void aBatchThatFailedOnceButWhoseRecordsEachSucceedIsDone() {
        RecordBatches.handle(List.of("a", "b"), RecordBatchesTest::read, records -> {
            if (records.size() > 1) {
                throw new IllegalStateException("a write conflict");
            }
            calls.add(records);
        });
        assertThat(calls).containsExactly(List.of("a"), List.of("b"));
    }
}
