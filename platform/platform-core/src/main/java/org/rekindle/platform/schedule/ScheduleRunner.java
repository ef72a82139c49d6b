package org.rekindle.platform.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs work as it falls due, including work that fell due while the service was down (on start). Each piece is
 * claimed with a lease, so two instances never run it at once and a crashed instance's claim expires. Failures
 * retry with exponential back-off; after the last attempt the work is marked FAILED with the reason, never dropped.
 * Work stored by this process wakes the runner at once ({@link #wakeFor}); the poll is the safety net.
 */
public class ScheduleRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

    private final WorkSchedule schedule;
    private final MongoCollection<Document> work;
    private final Map<String, ScheduledWorkHandler> handlers;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration lease;
    private final int maxAttempts;
    private final int workers;
    private final AtomicInteger drainers = new AtomicInteger();
    private final Queue<String> woken = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService executor;

    public ScheduleRunner(WorkSchedule schedule, List<ScheduledWorkHandler> handlers, Clock clock,
                          Duration pollInterval, Duration lease, int maxAttempts) {
        this(schedule, handlers, clock, pollInterval, lease, maxAttempts, 1);
    }

    /**
     * {@code workers} threads run woken work side by side (each claim is atomic, so two never run the same piece); one
     * thread is too few when every piece waits on the store a dozen times and work arrives at tens per second.
     */
    public ScheduleRunner(WorkSchedule schedule, List<ScheduledWorkHandler> handlers, Clock clock,
                          Duration pollInterval, Duration lease, int maxAttempts, int workers) {
        this.workers = Math.max(1, workers);
        this.schedule = schedule;
        this.work = schedule.collection();
        this.handlers = handlers.stream().collect(Collectors.toMap(handler -> handler.kind().storedName(),
                                                                   Function.identity()));
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
    }

    /** Runs every piece of work due now; returns how many ran (successfully or not). */
    public int runDueWork() {
        int ran = 0;
        for (Document claimed = claimNext(); claimed != null; claimed = claimNext()) {
            run(claimed);
            ran++;
        }
        return ran;
    }

    /**
     * Claims the work due first. The filter scans the polled collection on the embedded MongoDB-wire server; that
     * collection holds only work not yet run (and work that failed for good): finished work has moved out.
     */
    private Document claimNext() {
        Instant now = clock.instant();
        Date nowDate = Date.from(now);
        Bson due = Filters.and(Filters.in("kind", handlers.keySet()), Filters.lte("dueAt", nowDate),
                               Filters.or(Filters.eq("state", WorkSchedule.PENDING),
                                          Filters.and(Filters.eq("state", WorkSchedule.RUNNING),
                                                      Filters.lt("leaseUntil", nowDate))));
        return work.findOneAndUpdate(due, claimedAt(now),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Claims this piece of work if it is due and free: read by {@code _id}, then claimed only if nobody changed it
     * since (its state and attempt are as read: every claim counts an attempt). Both are index lookups, on MongoDB and
     * on the embedded MongoDB-wire server alike; a poll claiming the same work at the same moment wins or loses whole.
     */
    private Document claimByKey(String key) {
        Document current = work.find(Filters.eq("_id", key)).first();
        Instant now = clock.instant();
        if (current == null || !isDueAndFree(current, now)) {
            return null;
        }
        return work.findOneAndUpdate(
                schedule.unchangedSince(key, current.getString("state"), current.getInteger("attempt")),
                claimedAt(now), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** {@link #claimNext}'s filter, in Java: a kind handled here, due, and pending or its lease run out. */
    private boolean isDueAndFree(Document work, Instant now) {
        if (!handlers.containsKey(work.getString("kind")) || work.getDate("dueAt").toInstant().isAfter(now)) {
            return false;
        }
        String state = work.getString("state");
        return WorkSchedule.PENDING.equals(state) || WorkSchedule.RUNNING.equals(state)
                && work.getDate("leaseUntil") != null && work.getDate("leaseUntil").toInstant().isBefore(now);
    }

    private Bson claimedAt(Instant now) {
        return Updates.combine(Updates.set("state", WorkSchedule.RUNNING),
                               Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.inc("attempt", 1));
    }

    private void run(Document claimed) {
        String key = claimed.getString("_id");
        ScheduledWork item = new ScheduledWork(key, claimed.getString("kind"), claimed.getDate("dueAt").toInstant(),
                                               claimed.get("payload", Document.class), claimed.getInteger("attempt"));
        try {
            handlers.get(item.kind()).run(item);
            claimed.remove("leaseUntil");
            schedule.finish(claimed.append("state", WorkSchedule.DONE).append("doneAt", Date.from(clock.instant())));
        } catch (Exception failure) {
            boolean last = item.attempt() >= maxAttempts;
            if (last) {
                log.error("Scheduled work {} ({}) failed on its last attempt {}; marked FAILED", key, item.kind(),
                          item.attempt(), failure);
            } else {
                log.warn("Scheduled work {} ({}) failed on attempt {}, will retry: {}", key, item.kind(),
                         item.attempt(), failure.toString());
            }
            Instant retryAt = clock.instant().plus(pollInterval.multipliedBy(1L << Math.min(item.attempt(), 10)));
            work.updateOne(Filters.eq("_id", key), Updates.combine(
                    Updates.set("state", last ? WorkSchedule.FAILED : WorkSchedule.PENDING),
                    Updates.set("dueAt", Date.from(last ? item.dueAt() : retryAt)),
                    Updates.set("lastError", String.valueOf(failure)), Updates.unset("leaseUntil")));
        }
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "schedule-runner-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        schedule.whenScheduled(this::wakeFor);
    }

    /**
     * New work was stored in this process: work due now is run at once by its key (up to {@code workers} tasks drain
     * the keys that arrive meanwhile), work due before the next poll runs at its due time, later work is left to the
     * poll.
     */
    void wakeFor(String key, Instant dueAt) {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown()) {
            return;
        }
        long waitMillis = Duration.between(clock.instant(), dueAt).toMillis();
        try {
            if (waitMillis <= 0) {
                woken.add(key);
                if (joinDrainers()) {
                    running.execute(this::runWoken);
                }
            } else if (waitMillis < pollInterval.toMillis()) {
                running.schedule(() -> runByKey(key), waitMillis, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: the next start polls for it
        }
    }

    private void runWoken() {
        do {
            try {
                for (String key = woken.poll(); key != null; key = woken.poll()) {
                    runByKey(key);
                }
            } finally {
                drainers.decrementAndGet();
            }
            // a key may have come after the last poll but before this drainer counted itself out
        } while (!woken.isEmpty() && joinDrainers());
    }

    /** Counts one more drainer unless {@code workers} are draining already. */
    private boolean joinDrainers() {
        return drainers.getAndUpdate(n -> n < workers ? n + 1 : n) < workers;
    }

    private void runByKey(String key) {
        try {
            Document claimed = claimByKey(key);
            if (claimed != null) {
                run(claimed);
            }
        } catch (RuntimeException storeUnavailable) {
            log.warn("Could not run scheduled work {} now; the poll will ({})", key, storeUnavailable.toString());
        }
    }

    private void pollSafely() {
        try {
            runDueWork();
        } catch (RuntimeException storeUnavailable) {
            log.warn("Could not poll the work schedule; trying again in {}", pollInterval, storeUnavailable);
        }
    }

    @Override
    public void stop() {
        schedule.whenScheduled((key, dueAt) -> { });
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Starts after Axon's processors and command bus, so due work on start-up finds them ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
