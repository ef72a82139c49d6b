package org.rekindle.journal.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.rekindle.journal.app.query.ContactLogRecordView;
import org.rekindle.journal.app.query.EntryView;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.journal.app.query.StreakView;
import org.rekindle.journal.app.query.WellBeingQueries;

import java.time.Instant;
import java.util.List;

/**
 * Everything Rekindle holds about a client's journey, for the client: their plans (from plan-service), journal
 * entries with every text, the contact log, no-contact attempts, who read what they shared, and what
 * notification-service raised for them, their weekly WHO-5 answers and scores ({@code wellBeing}), and their
 * sessions with a coach ({@code sessions}, oldest first: booked, moved, cancelled with the reasons, the outcome;
 * the coach's notes on a session are the coach's working notes, left out as the API leaves them out for the client
 * and as the coach's private note is), and the persons they marked in their texts ({@code persons}: labels only;
 * an erased one as removed; added to v1 as an additive field). People are named as the directory names them ({@code clientName} and
 * {@code clientPronouns}, each plan's {@code coachName} and {@code coachPronouns}, each read's {@code readerName})
 * beside their ids. {@code timezone} is the zone dates are
 * shown in (their plan's, else UTC).
 */
public record Journey(String format, String clientId, String clientName, String clientPronouns, Instant exportedAt,
                      String timezone,
                      JsonNode plans, StreakView noContact, List<EntryView> entries,
                      List<ContactLogRecordView> contactLog, List<LedgerRead> sharedEntryReads,
                      JsonNode notifications, List<WellBeingQueries.CheckIn> wellBeing,
                      List<SessionView> sessions, List<ExportedPerson> persons) {

    static final String FORMAT = "rekindle.journey-export.v1";
}
