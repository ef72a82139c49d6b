package org.rekindle.platform.messaging;

import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A batch listener's records handled together (one store lookup or write per client for the whole poll, not per
 * record), failing exactly like a record listener: the records before a failing one are done and committed, the
 * failing one is retried and then parked on the dead-letter topic, and the rest are delivered again.
 * <p>
 * How: the records are read first; those before the first unreadable one go to {@code together}. If that throws,
 * they are handed to it again one at a time (handlers are idempotent, so what the whole batch did before it failed
 * changes nothing) until the one that fails, which is named to the error handler by its index
 * ({@link BatchListenerFailedException}). An unreadable record is named the same way, after the records before it
 * are done, and is parked at once ({@link UnreadableRecordException} is not retried).
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    /**
     * @param read     a record as the listener needs it; throws {@link UnreadableRecordException} if it cannot be read
     *                 (parked at once; any other exception is retried first, like a failing record)
     * @param together readable records, in the order polled
     */
    public static <T> void handle(List<String> records, Function<String, T> read, Consumer<List<T>> together) {
        List<T> readable = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (String record : records) {
            try {
                readable.add(read.apply(record));
            } catch (RuntimeException e) { // named by index below, never a failure of the whole batch
                unreadable = e;
                break;
            }
        }
        if (!readable.isEmpty()) {
            handleReadable(readable, together);
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException("record " + readable.size() + " of the batch cannot be read",
                                                   unreadable, readable.size());
        }
    }

    /**
     * For a listener that takes few of the records it is given (a type among many on the topic): each record as a
     * record listener would, with the offsets committed once per poll instead of once per record.
     */
    public static void handleEach(List<String> records, Consumer<String> each) {
        handle(records, Function.identity(), all -> all.forEach(each));
    }

    private static <T> void handleReadable(List<T> readable, Consumer<List<T>> together) {
        try {
            together.accept(readable);
            return;
        } catch (RuntimeException batchFailed) {
            // fall through: find which record fails
        }
        for (int i = 0; i < readable.size(); i++) {
            try {
                together.accept(List.of(readable.get(i)));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("record " + i + " of the batch failed", e, i);
            }
        }
    }
}
