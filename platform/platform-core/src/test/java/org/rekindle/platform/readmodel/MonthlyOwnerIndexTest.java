package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An owner's documents listed newest first a month at a time, on the MongoDB-wire server. */
class MonthlyOwnerIndexTest {

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private static final Comparator<Document> NEWEST = DocumentOrder.descending("at");

    private MongoCollection<Document> records;
    private MongoCollection<Document> byMonth;
    private MonthlyOwnerIndex index;

    @BeforeEach
    void freshCollections() {
        MongoDatabase db = client.getDatabase("platform-test");
        String name = "records-" + UUID.randomUUID();
        records = db.getCollection(name);
        byMonth = db.getCollection(name + "_by_month");
        index = new MonthlyOwnerIndex(byMonth, db.getCollection(name + "_owners"));
    }

    private void store(String id, String owner, String at, String listedAt) {
        records.insertOne(new Document("_id", id).append("owner", owner).append("at", Date.from(Instant.parse(at))));
        index.add(List.of(new Member(owner, id, Instant.parse(listedAt))));
    }

    private List<String> newest(String owner, int limit) {
        return index.newestFirst(records, owner, doc -> doc.getDate("at"), NEWEST, doc -> true, limit).stream()
                    .map(doc -> doc.getString("_id")).toList();
    }

    @Test
    void readsMonthsNewestFirstUntilThePageIsCertain() {
        store("jan", "ann", "2026-01-10T00:00:00Z", "2026-01-10T00:00:00Z");
        store("mar1", "ann", "2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z");
        store("mar2", "ann", "2026-03-20T00:00:00Z", "2026-03-20T00:00:00Z");
        // written in February, listed under April (shared then): after April alone it cannot be placed yet
        store("feb", "ann", "2026-02-25T00:00:00Z", "2026-04-01T00:00:00Z");
        store("apr", "ann", "2026-04-05T00:00:00Z", "2026-04-05T00:00:00Z");
        store("bob1", "bob", "2026-04-06T00:00:00Z", "2026-04-06T00:00:00Z");
        index.add(List.of(new Member("ann", "apr", Instant.parse("2026-04-30T00:00:00Z")))); // added twice

        assertThat(index.monthsNewestFirst("ann")).containsExactly("2026-04", "2026-03", "2026-01");
        assertThat(newest("ann", 1)).containsExactly("apr");
        assertThat(newest("ann", 3)).containsExactly("apr", "mar2", "mar1");
        assertThat(newest("ann", 4)).containsExactly("apr", "mar2", "mar1", "feb");
        assertThat(newest("ann", 50)).containsExactly("apr", "mar2", "mar1", "feb", "jan");
        assertThat(index.all(records, "ann")).hasSize(5);

        // the January document made unreadable: a page that March completes never reads January
        records.updateOne(Filters.eq("_id", "jan"), Updates.set("at", "not a date"));
        assertThat(newest("ann", 3)).containsExactly("apr", "mar2", "mar1");
        assertThatThrownBy(() -> newest("ann", 5)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void keepsFieldsOfTheOwnerBesideItsMonthsAndForgetsAnOwnerWhole() {
        store("a1", "ann", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
        index.add(List.of(new Member("ann", "a2", Instant.parse("2026-06-01T00:00:00Z"))),
                  Map.of("ann", Updates.addToSet("unread", "a2")));
        assertThat(index.owner("ann", "unread").getList("unread", String.class)).containsExactly("a2");
        index.updateOwner("ann", Updates.pull("unread", "a2"));
        assertThat(index.owner("ann", "unread").getList("unread", String.class)).isEmpty();

        index.remove(List.of(new Member("ann", "a2", Instant.parse("2026-06-01T00:00:00Z"))));
        assertThat(index.idsIn("ann", "2026-06")).isEmpty();
        assertThat(index.idsIn("ann", "2026-05")).containsExactly("a1");
        index.forget("ann");
        assertThat(index.monthsNewestFirst("ann")).isEmpty();
        assertThat(index.idsIn("ann", "2026-05")).isEmpty();
        assertThat(index.owner("ann", "unread")).isNull();
    }

    @Test
    void indexesWhatWasStoredBeforeItExistedOnce() {
        records.insertMany(List.of(new Document("_id", "r1").append("owner", "ann").append("at", Date.from(Instant.parse("2026-01-01T00:00:00Z"))),
                                   new Document("_id", "r2").append("owner", "ann").append("at", Date.from(Instant.parse("2026-02-01T00:00:00Z")))));
        index.buildOnceFrom(records, new Document(), doc -> List.of(new Member(doc.getString("owner"), doc.get("_id"),
                                                                              doc.getDate("at").toInstant())), "owner", "at");
        assertThat(newest("ann", 10)).containsExactly("r2", "r1");
        records.insertOne(new Document("_id", "r3").append("owner", "ann").append("at", Date.from(Instant.parse("2026-03-01T00:00:00Z"))));
        index.buildOnceFrom(records, new Document(), doc -> List.of(new Member(doc.getString("owner"), doc.get("_id"),
                                                                              doc.getDate("at").toInstant())), "owner", "at");
        assertThat(newest("ann", 10)).as("built once: later documents are indexed by their writer").containsExactly("r2", "r1");
    }

    @Test
    void aMonthIsKeptInPartsSoAnAddRewritesAFractionOfIt() {
        List<Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add(new Member("ann", "e" + i, Instant.parse("2026-05-01T00:00:00Z").plusSeconds(i)));
        }
        index.add(members);

        List<Document> parts = byMonth.find(Filters.regex("_id", "^ann\\|2026-05\\|")).into(new java.util.ArrayList<>());
        assertThat(parts).hasSize(MonthlyOwnerIndex.PARTS)
                         .allSatisfy(part -> assertThat(part.getList("ids", Object.class)).hasSizeLessThan(60));
        assertThat(index.idsIn("ann", "2026-05")).hasSize(200)
                                                 .containsExactlyInAnyOrderElementsOf(members.stream().map(Member::id).toList());
    }

    @Test
    void aMonthStoredBeforeThePartsIsStillReadRemovedFromAndForgotten() {
        store("new", "ann", "2026-01-20T00:00:00Z", "2026-01-20T00:00:00Z");
        records.insertOne(new Document("_id", "old").append("owner", "ann")
                                                      .append("at", Date.from(Instant.parse("2026-01-05T00:00:00Z"))));
        byMonth.insertOne(new Document("_id", "ann|2026-01").append("ids", List.of("old", "new")));

        assertThat(index.idsIn("ann", "2026-01")).as("each once").containsExactlyInAnyOrder("new", "old");
        assertThat(newest("ann", 10)).containsExactly("new", "old");

        index.remove(List.of(new Member("ann", "old", Instant.parse("2026-01-05T00:00:00Z"))));
        assertThat(index.idsIn("ann", "2026-01")).containsExactly("new");

        index.forget("ann");
        assertThat(byMonth.countDocuments(Filters.regex("_id", "^ann\\|"))).isZero();
    }
}
