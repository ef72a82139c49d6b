package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.readmodel.BulkUpserts;
import org.rekindle.platform.readmodel.IdempotentWrites;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which clients a coach has and the version each one's row was last written with: one small document per coach,
 * {@code _id} = the coach, {@code rows} = client → version ({@code dashboard_coach_rows}). The coach's dashboard reads
 * it and then only the rows it does not hold at those versions; without it, finding a coach's rows scans
 * {@code dashboard_rows} on the embedded MongoDB-wire server, which decodes every row whole, and rows grow with their
 * client's contact marks (29.6 → 84.3 KB a row between 100,000 and 1,000,000 events in the dashboard benchmark).
 * <p>
 * Written before the rows, in the same batch: a row is never newer than its version here. When the rows' write fails
 * after this one, the version here names a row not stored yet, which no reader holds, so the stored row is read (and
 * the batch comes again and writes both).
 */
final class CoachRowVersions {

    static final String ROWS = "rows";

    /** The version of a row stored before rows had versions: no reader holds it, so it is read. */
    static final String UNKNOWN = "";

    /** Marks the versions filled from the rows stored before they existed; a number never equals a coach id. */
    private static final long BUILT_MARKER = 0L;

    /** A row written: its client, the coach it belonged to before (null: none) and now, and its new version. */
    record Written(String clientId, String coachBefore, String coachNow, String version) {
    }

    private final MongoCollection<Document> versions;

    CoachRowVersions(MongoCollection<Document> versions) {
        this.versions = versions;
    }

    /** One upsert per coach whose rows changed; a client that moved to another coach leaves the one before. */
    void written(List<Written> rows) {
        Map<String, List<Bson>> changesByCoach = new LinkedHashMap<>();
        for (Written row : rows) {
            String field = ROWS + "." + TimelineDays.key(row.clientId());
            if (row.coachNow() != null) {
                changesByCoach.computeIfAbsent(row.coachNow(), coach -> new ArrayList<>())
                              .add(Updates.set(field, row.version()));
            }
            if (row.coachBefore() != null && !row.coachBefore().equals(row.coachNow())) {
                changesByCoach.computeIfAbsent(row.coachBefore(), coach -> new ArrayList<>()).add(Updates.unset(field));
            }
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        changesByCoach.forEach((coach, changes) -> updates.add(new UpdateOneModel<>(
                Filters.eq("_id", coach), Updates.combine(changes), new UpdateOptions().upsert(true))));
        BulkUpserts.write(versions, updates);
    }

    /** The coach's clients and their rows' versions; empty if none. */
    Map<String, String> of(String coachId) {
        return ofCoaches(List.of(coachId)).getOrDefault(coachId, Map.of());
    }

    /** The clients and row versions of each of these coaches (one {@code $in} read); a coach with none is left out. */
    Map<String, Map<String, String>> ofCoaches(Collection<String> coachIds) {
        Map<String, Map<String, String>> byCoach = new LinkedHashMap<>();
        if (!coachIds.isEmpty()) {
            versions.find(Filters.in("_id", List.copyOf(coachIds))).forEach(doc -> {
                Map<String, String> byClient = new LinkedHashMap<>();
                Document rows = doc.get(ROWS, Document.class);
                if (rows != null) {
                    rows.forEach((key, version) -> byClient.put(clientOf(key), (String) version));
                }
                byCoach.put(doc.getString("_id"), byClient);
            });
        }
        return byCoach;
    }

    /** The client id a field name stands for ({@link TimelineDays#key} undone). */
    static String clientOf(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /** Every coach's versions go; the marker stays, since rows written from now on all come through here. */
    void clear() {
        versions.deleteMany(Filters.ne("_id", BUILT_MARKER));
        IdempotentWrites.insertOnce(versions, new Document("_id", BUILT_MARKER));
    }

    /**
     * Fills the versions from the rows stored before they existed: one scan, on the first start with them (the
     * marker remembers it; a crash half-way does it again). Runs before the processor starts.
     */
    void buildOnceFrom(MongoCollection<Document> rows) {
        if (versions.find(Filters.eq("_id", BUILT_MARKER)).first() != null) {
            return;
        }
        List<Written> stored = new ArrayList<>();
        rows.find().projection(Projections.include("coachId", "written")).forEach(row -> {
            if (row.getString("coachId") != null) { // a row stored before rows had versions is read each time
                stored.add(new Written(row.getString("_id"), null, row.getString("coachId"),
                                       row.get("written", UNKNOWN)));
            }
        });
        written(stored);
        IdempotentWrites.insertOnce(versions, new Document("_id", BUILT_MARKER));
    }
}
