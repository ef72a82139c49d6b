package org.rekindle.plan.app.messaging.in.dashboard;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands Kafka records to the tracking processor in the order they were fetched, replacing axon-kafka's default
 * {@code SortedKafkaMessageBuffer}.
 * <p>
 * Why: axon-kafka gives each record a token that covers every record fetched before it (fetch order), but the
 * default buffer hands records over sorted by timestamp. A record fetched late with an older timestamp therefore
 * overtakes records fetched earlier, and its token already covers them while they still wait in the buffer. Once the
 * processor stores that token, a crash loses them: the restart seeks past them (fault suite scenario 3 lost 6 of
 * 10,010). In fetch order every stored token covers exactly what was handed over. Per-partition order is Kafka's
 * own; the dashboard's fold does not depend on order across topics or partitions.
 */
final class FetchOrderBuffer implements Buffer<KafkaEventMessage> {

    static final int DEFAULT_CAPACITY = 1_000;

    private final ArrayDeque<KafkaEventMessage> queue = new ArrayDeque<>();
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final AtomicReference<RuntimeException> fetchFailure = new AtomicReference<>();

    FetchOrderBuffer() {
        this(DEFAULT_CAPACITY);
    }

    FetchOrderBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void put(KafkaEventMessage message) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            append(message);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> messages) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            for (KafkaEventMessage message : messages) {
                append(message);
            }
        } finally {
            lock.unlock();
        }
    }

    private void append(KafkaEventMessage message) throws InterruptedException {
        if (message == null) {
            throw new IllegalArgumentException("a buffered message may not be null");
        }
        while (queue.size() == capacity) {
            notFull.await();
        }
        queue.addLast(message);
        notEmpty.signal();
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                throwIfFetchFailed();
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                throwIfFetchFailed();
                notEmpty.await();
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    private KafkaEventMessage removeFirst() {
        KafkaEventMessage first = queue.removeFirst();
        notFull.signal();
        return first;
    }

    @Override
    public KafkaEventMessage peek() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                throwIfFetchFailed();
            }
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public int remainingCapacity() {
        return capacity - size();
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            queue.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The fetcher failed: the processor sees the failure once the records fetched before it are handed over. */
    @Override
    public void setException(RuntimeException exception) {
        fetchFailure.set(exception);
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFetchFailed() {
        RuntimeException failure = fetchFailure.get();
        if (failure != null) {
            throw failure;
        }
    }
}
