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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Work stored by this process wakes the runner at once ({@link #wakeFor}), and work a poll finds due before the next
 * poll (another instance's, a retry) runs at its due time; the poll is the safety net.
 */
public class ScheduleRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final FindOneAndUpdateOptions AFTER_UPDATE =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

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
    private final Set<String> timed = ConcurrentHashMap.newKeySet();
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
            if (run(claimed)) {
                ran++;
            }
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
     * Claims this piece of work if it is due and free. Work as it was stored (PENDING at attempt 0: every claim counts
     * an attempt, so nobody has claimed it) is claimed in one write whose filter names the key, state and attempt exactly,
     * which MongoDB and the embedded MongoDB-wire server both answer by index; the caller has checked its kind and due
     * time. Other work (a retry, an expired lease) is read by {@code _id}, then claimed only if nobody changed it since.
     * Either way a poll claiming the same work at the same moment wins or loses whole.
     */
    private Document claimByKey(String key) {
        Document fresh = work.findOneAndUpdate(schedule.unchangedSince(key, WorkSchedule.PENDING, 0),
                                               claimedAt(clock.instant()), AFTER_UPDATE);
        if (fresh != null) {
            return fresh;
        }
        Document current = work.find(Filters.eq("_id", key)).first();
        Instant now = clock.instant();
        if (current == null || !isDueAndFree(current, now)) {
            return null;
        }
        return work.findOneAndUpdate(
                schedule.unchangedSince(key, current.getString("state"), current.getInteger("attempt")),
                claimedAt(now), AFTER_UPDATE);
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

    /** Runs the claimed work unless its key finished before (a copy stored again); returns whether it ran. */
    private boolean run(Document claimed) {
        String key = claimed.getString("_id");
        if (schedule.hasFinished(key)) {
            schedule.discard(key);
            return false;
        }
        ScheduledWork item = new ScheduledWork(key, claimed.getString("kind"), claimed.getDate("dueAt").toInstant(),
                                               claimed.get("payload", Document.class), claimed.getInteger("attempt"));
        try {
            handlers.get(item.kind()).run(item);
            claimed.remove("leaseUntil");
            schedule.finish(claimed.append("state", WorkSchedule.DONE).append("doneAt", Date.from(clock.instant())));
            return true;
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
            return true;
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
     * Work was stored in this process, or is the earliest a poll found pending: of a kind handled here, work due now is
     * run at once by its key (up to {@code workers} tasks drain the keys that arrive meanwhile), work due before the
     * next poll runs at its due time, later work is left to the poll.
     */
    void wakeFor(String key, String kind, Instant dueAt) {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown() || !handlers.containsKey(kind)) {
            return;
        }
        Instant now = clock.instant();
        long waitMillis = Duration.between(now, dueAt).toMillis() + 1; // rounded up: a timer never fires early
        try {
            if (!dueAt.isAfter(now)) { // the one-write claim relies on this check
                woken.add(key);
                if (joinDrainers()) {
                    running.execute(this::runWoken);
                }
            } else if (waitMillis < pollInterval.toMillis() && timed.add(key)) {
                running.schedule(() -> {
                    timed.remove(key);
                    wakeFor(key, kind, dueAt); // due now by this clock (or, a clock behind the timer's, a little later)
                }, waitMillis, TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            timed.remove(key); // shutting down: the next start polls for it
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
            wakeForEarliestPending();
        } catch (RuntimeException storeUnavailable) {
            log.warn("Could not poll the work schedule; trying again in {}", pollInterval, storeUnavailable);
        }
    }

    /**
     * Work this process did not store (another instance's, a retry) is found by the poll; if the earliest of it falls
     * due before the next poll, it runs at its due time rather than up to a poll interval late.
     */
    private void wakeForEarliestPending() {
        schedule.earliestPending(handlers.keySet()).ifPresent(next -> wakeFor(
                next.getString("_id"), next.getString("kind"), next.getDate("dueAt").toInstant()));
    }

    @Override
    public void stop() {
        schedule.whenScheduled((key, kind, dueAt) -> { });
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
