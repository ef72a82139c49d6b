package org.rekindle.journal.app.query;

import org.bson.Document;
import org.rekindle.journal.app.command.JournalRules;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists a client's entries are indexed under ({@link MonthlyOwnerIndex} owners): all of them and those of each
 * kind by the month they were written, the shared ones by the month they were shared plus the clock skew a written
 * time may have ({@link JournalRules#CLOCK_SKEW}), so never a month before the one they were written in and
 * newest-first reads stay exact. A shared entry stays under "shared" when unshared: readers check the entry, and
 * sharing again adds nothing new but a month.
 */
final class EntryLists {

    private EntryLists() {
    }

    static String all(String clientId) {
        return clientId;
    }

    static String ofKind(String clientId, EntryKind kind) {
        return clientId + "|" + kind.name();
    }

    static String shared(String clientId) {
        return clientId + "|shared";
    }

    /** Every list of the client (to forget them all). */
    static List<String> everyListOf(String clientId) {
        List<String> lists = new ArrayList<>(List.of(all(clientId), shared(clientId)));
        for (EntryKind kind : EntryKind.values()) {
            lists.add(ofKind(clientId, kind));
        }
        return lists;
    }

    /** The entry shared at {@code sharedAt}: under "shared", in a month no earlier than the one it was written in. */
    static Member shared(String clientId, String entryId, Instant sharedAt) {
        return new Member(shared(clientId), entryId, sharedAt.plus(JournalRules.CLOCK_SKEW));
    }

    static List<Member> written(String clientId, String entryId, EntryKind kind, Instant occurredAt) {
        return List.of(new Member(all(clientId), entryId, occurredAt), new Member(ofKind(clientId, kind), entryId, occurredAt));
    }

    /** The lists of an entry stored before the monthly index existed. */
    static List<Member> membersOf(Document entry) {
        String clientId = entry.getString("clientId");
        if (clientId == null || entry.getDate("occurredAt") == null || entry.getString("kind") == null) {
            return List.of();
        }
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        List<Member> members = new ArrayList<>(written(clientId, entry.getString("_id"),
                                                       EntryKind.valueOf(entry.getString("kind")), occurredAt));
        if (Boolean.TRUE.equals(entry.getBoolean("shared"))) {
            Instant sharedAt = entry.getDate("sharedAt") == null ? occurredAt : entry.getDate("sharedAt").toInstant();
            members.add(new Member(shared(clientId), entry.getString("_id"), sharedAt.isBefore(occurredAt) ? occurredAt : sharedAt));
        }
        return members;
    }
}
