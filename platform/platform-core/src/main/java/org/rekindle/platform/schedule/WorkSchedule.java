package org.rekindle.platform.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Work scheduled for later, persisted in the service's own MongoDB database so it survives restarts. Scheduling is
 * idempotent by key: replaying the events that scheduled work does not schedule it twice, nor revive work that
 * already ran or was cancelled.
 */
public class WorkSchedule {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String FAILED = "FAILED";

    private final MongoCollection<Document> work;

    public WorkSchedule(MongoCollection<Document> work) {
        this.work = work;
    }

    /** Schedules the work unless work with this key exists already; returns whether it was new. */
    public boolean schedule(String key, String kind, Instant dueAt, Document payload) {
        return work.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.setOnInsert("kind", kind), Updates.setOnInsert("dueAt", Date.from(dueAt)),
                Updates.setOnInsert("payload", payload), Updates.setOnInsert("state", PENDING),
                Updates.setOnInsert("attempt", 0)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /** Cancels work that has not run yet; returns whether there was such work. */
    public boolean cancel(String key) {
        return work.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", PENDING)),
                              Updates.set("state", CANCELLED)).getModifiedCount() == 1;
    }

    /** Cancels every piece of work not run yet whose payload has this value in this field; returns how many. */
    public long cancelWhere(String payloadField, String value) {
        return work.updateMany(Filters.and(Filters.eq("state", PENDING), Filters.eq("payload." + payloadField, value)),
                               Updates.set("state", CANCELLED)).getModifiedCount();
    }

    /** The state of the work with this key (PENDING, RUNNING, DONE, CANCELLED or FAILED), if it exists. */
    public Optional<String> stateOf(String key) {
        return Optional.ofNullable(work.find(Filters.eq("_id", key)).first()).map(doc -> doc.getString("state"));
    }

    MongoCollection<Document> collection() {
        return work;
    }
}
