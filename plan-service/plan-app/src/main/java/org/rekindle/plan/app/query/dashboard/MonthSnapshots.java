package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A client's dashboard row as it stood at the end of a month ({@code dashboard_month_ends}, {@code _id} =
 * clientId/yyyy-MM, the row folded from every event of the client before the next month began). Time travel starts
 * from the last one before its instant and folds only that month's events, so it reads a bounded number of documents
 * however long the history. Written on the first time-travel read that needs them, for finished months only;
 * an event arriving for a finished month removes that month's and the later months' row (they are folded again
 * when next needed).
 */
final class MonthSnapshots {

    private final MongoCollection<Document> monthEnds;

    MonthSnapshots(MongoCollection<Document> monthEnds) {
        this.monthEnds = monthEnds;
    }

    /** The latest stored month end among these months (ids sort by month), or null. One query. */
    Document latest(String clientId, Collection<String> months) {
        List<String> ids = months.stream().map(month -> id(clientId, month)).toList();
        return ids.isEmpty() ? null : monthEnds.find(Filters.in("_id", ids)).sort(Sorts.descending("_id")).limit(1)
                                               .first();
    }

    static String monthOf(Document monthEnd) {
        String id = monthEnd.getString("_id");
        return id.substring(id.lastIndexOf('/') + 1);
    }

    void save(String clientId, String month, Document row) {
        monthEnds.replaceOne(Filters.eq("_id", id(clientId, month)), new Document("row", row),
                             new ReplaceOptions().upsert(true));
    }

    /**
     * Events arrived for these clients in months that may have ended rows already: each client's month end from its
     * earliest such month up to {@code current} goes (one delete for the batch).
     */
    void forgetFrom(Map<String, String> earliestMonthByClient, String current) {
        List<String> ids = new ArrayList<>();
        earliestMonthByClient.forEach((clientId, earliest) -> {
            for (YearMonth month = YearMonth.parse(earliest); !month.isAfter(YearMonth.parse(current));
                 month = month.plusMonths(1)) {
                ids.add(id(clientId, month.toString()));
            }
        });
        if (!ids.isEmpty()) {
            monthEnds.deleteMany(Filters.in("_id", ids));
        }
    }

    void forget(String clientId, Collection<String> months) {
        monthEnds.deleteMany(Filters.in("_id", months.stream().map(month -> id(clientId, month)).toList()));
    }

    void clear() {
        monthEnds.deleteMany(new Document());
    }

    private static String id(String clientId, String month) {
        return clientId + "/" + month;
    }
}
