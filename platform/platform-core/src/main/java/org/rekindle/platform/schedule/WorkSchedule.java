package org.rekindle.platform.schedule;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.platform.readmodel.ExactKeyMatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Work scheduled for later, persisted in the service's own MongoDB database so it survives restarts. Scheduling is
 * idempotent by key: replaying the events that scheduled work does not schedule it twice, nor revive work that
 * already ran or was cancelled. The runner in the same process hears of new work as it is stored and runs what is due
 * at once; its poll is the safety net for work stored by another instance or left behind by a crash.
 * <p>
 * Storing work is one write: whether the key ran or was cancelled before is asked once, when the work is claimed to
 * run ({@link #hasFinished}), not on every scheduling, which is the common case and which a replay repeats. Work
 * stored again after it finished therefore waits in {@code work} until it falls due and is then dropped unrun. The
 * check at the claim has no window: finished work is kept in {@code finished} before it leaves {@code work}, so a
 * copy stored again after it left finds it there.
 * <p>
 * Two collections, both keyed by the work's key: {@code work} holds what may still run (PENDING, RUNNING) and what
 * failed for good (FAILED, kept in sight), {@code finished} what ran (DONE) or was cancelled (CANCELLED). The runner
 * polls {@code work} every second with a filter on state and due time, which the embedded MongoDB-wire server answers
 * by scanning (it ignores non-unique indexes): moving finished work out keeps that scan as small as the work not yet
 * run, instead of growing with every step, reminder and email the service ever scheduled.
 */
public class WorkSchedule {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String FAILED = "FAILED";

    private final MongoCollection<Document> work;
    private final MongoCollection<Document> finished;
    private final ExactKeyMatch byState;
    private final ExactKeyMatch byStateAndAttempt;
    private volatile Scheduled whenScheduled = (key, kind, dueAt) -> { };

    /** Hears of work as this process stores it: its key, its kind's stored name and its due time. */
    interface Scheduled {
        void stored(String key, String kind, Instant dueAt);
    }

    public WorkSchedule(MongoCollection<Document> work, MongoCollection<Document> finished) {
        this.work = work;
        this.finished = finished;
        this.byState = ExactKeyMatch.on(work, "state");
        this.byStateAndAttempt = ExactKeyMatch.on(work, "state", "attempt");
        moveFinishedWorkOut();
    }

    /**
     * Schedules the work unless work with this key is waiting or running already; returns whether it was stored now.
     * Work with a key that ran or was cancelled before is stored too, but never runs (see above).
     */
    public boolean schedule(String key, WorkKind kind, Instant dueAt, Document payload) {
        boolean created = work.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.setOnInsert("kind", kind.storedName()), Updates.setOnInsert("dueAt", Date.from(dueAt)),
                Updates.setOnInsert("payload", payload), Updates.setOnInsert("state", PENDING),
                Updates.setOnInsert("attempt", 0)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
        if (created) {
            whenScheduled.stored(key, kind.storedName(), dueAt);
        }
        return created;
    }

    /** Cancels work that has not run yet; returns whether there was such work. */
    public boolean cancel(String key) {
        Document cancelled = work.findOneAndDelete(byState.filter(key, PENDING));
        if (cancelled == null) {
            return false;
        }
        archive(cancelled.append("state", CANCELLED)); // already out of the polled set
        return true;
    }

    /** Cancels every piece of work not run yet whose payload has this value in this field; returns how many. */
    public long cancelWhere(String payloadField, String value) {
        return cancelWhereIn(payloadField, List.of(value));
    }

    /** As {@link #cancelWhere}, for any of these values, in one query. */
    public long cancelWhereIn(String payloadField, Collection<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<String> keys = work.find(Filters.and(Filters.eq("state", PENDING),
                                                  Filters.in("payload." + payloadField, values)))
                                .map(doc -> doc.getString("_id")).into(new ArrayList<>());
        return keys.stream().filter(this::cancel).count();
    }

    /**
     * The state of the work with this key (PENDING, RUNNING, DONE, CANCELLED or FAILED), if it exists; what finished
     * comes first, since a copy stored again after it finished never runs.
     */
    public Optional<String> stateOf(String key) {
        Document doc = finished.find(Filters.eq("_id", key)).first();
        if (doc == null) {
            doc = work.find(Filters.eq("_id", key)).first();
        }
        return Optional.ofNullable(doc).map(d -> d.getString("state"));
    }

    /**
     * How much pending work is due at {@code now} and not yet claimed: the runner's backlog. It filters the same
     * collection the runner polls every second (only work not yet run, see above), so it costs what one poll costs.
     */
    public long dueAt(Instant now) {
        return work.countDocuments(Filters.and(Filters.eq("state", PENDING), Filters.lte("dueAt", Date.from(now))));
    }

    /** Tells the runner in this process about new work as it is stored (so it need not wait for its next poll). */
    void whenScheduled(Scheduled listener) {
        this.whenScheduled = listener;
    }

    MongoCollection<Document> collection() {
        return work;
    }

    /**
     * The pending work of these kinds due first (its key, kind and due time), if any; it costs what one poll costs (the
     * embedded server scans the polled set).
     */
    Optional<Document> earliestPending(Collection<String> kinds) {
        return Optional.ofNullable(work.find(Filters.and(Filters.eq("state", PENDING), Filters.in("kind", kinds)))
                .sort(Sorts.ascending("dueAt"))
                .projection(Projections.include("dueAt", "kind")).first());
    }

    /** The filter for work {@code key} still in {@code state} at {@code attempt}: a claim that nobody beat. */
    Document unchangedSince(String key, String state, int attempt) {
        return byStateAndAttempt.filter(key, state, attempt);
    }

    /** Moves work that ran or was cancelled to {@code finished}: kept there first, then removed from the polled set. */
    void finish(Document done) {
        archive(done);
        discard(done.getString("_id"));
    }

    /** Whether work with this key ran or was cancelled before: then a copy of it in {@code work} must not run. */
    boolean hasFinished(String key) {
        return finished.find(Filters.eq("_id", key)).first() != null;
    }

    /** Removes a copy of finished work from the polled set, leaving what {@code finished} says of the key as it is. */
    void discard(String key) {
        work.deleteOne(Filters.eq("_id", key));
    }

    /** Keeps what finished: the first record of a key stays (a copy stored again and cancelled does not overwrite it). */
    private void archive(Document done) {
        try {
            finished.insertOne(done);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Work finished before finished work had its own collection (one scan of the polled set, on start). */
    private void moveFinishedWorkOut() {
        for (Document done : work.find(Filters.in("state", DONE, CANCELLED)).into(new ArrayList<>())) {
            finish(done);
        }
    }
}
