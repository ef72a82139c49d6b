package org.rekindle.journal.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rekindle.journal.app.query.AccessLedger;
import org.rekindle.journal.app.query.CoachNoteQueries;
import org.rekindle.platform.directory.PeopleDirectory;
import org.rekindle.platform.directory.Person;
import org.rekindle.journal.app.query.ContactLogQueries;
import org.rekindle.journal.app.query.EntryQueries;
import org.rekindle.journal.app.query.SessionQueries;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.journal.app.query.StreakQueries;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.StreamSupport;

/** Builds a client's exports from this service's read models and, for the whole journey, the other services. */
@Component
public class JourneyExports {

    private final EntryQueries entries;
    private final ContactLogQueries contactLog;
    private final StreakQueries streaks;
    private final AccessLedger ledger;
    private final OtherServices others;
    private final CoachNoteQueries coachNotes;
    private final PeopleDirectory people;
    private final org.rekindle.journal.app.query.WellBeingQueries wellBeing;
    private final SessionQueries sessions;
    private final org.rekindle.journal.app.query.PersonQueries persons;

    JourneyExports(EntryQueries entries, ContactLogQueries contactLog, StreakQueries streaks, AccessLedger ledger,
                   OtherServices others, CoachNoteQueries coachNotes, PeopleDirectory people,
                   org.rekindle.journal.app.query.WellBeingQueries wellBeing, SessionQueries sessions,
                   org.rekindle.journal.app.query.PersonQueries persons) {
        this.wellBeing = wellBeing;
        this.sessions = sessions;
        this.persons = persons;
        this.entries = entries;
        this.contactLog = contactLog;
        this.streaks = streaks;
        this.ledger = ledger;
        this.others = others;
        this.coachNotes = coachNotes;
        this.people = people;
    }

    /** Everything about the client, for the client (asked with their token, so only they can get it). */
    public Journey journey(String clientId, Instant now) {
        JsonNode plans = withCoachNames(others.plansOf(clientId));
        JsonNode notifications = others.notificationsOf(clientId);
        Person client = people.person(clientId);
        return new Journey(Journey.FORMAT, clientId, client.name(), client.pronouns(), now, zoneOf(plans), plans,
                           streaks.current(clientId).orElse(null), entries.all(clientId, false),
                           contactLog.all(clientId), ledger.all(clientId).stream().map(r -> LedgerRead.of(r, people))
                                                           .toList(), notifications, wellBeing.of(clientId),
                           sessions.allOf(clientId).stream().map(SessionView::withoutNotes).toList(),
                           persons.of(clientId).stream().map(ExportedPerson::of).toList());
    }

    /**
     * Only what the client shares right now; for their coach ({@code byTheirCoach}) also the coach's own private
     * note, which the client's export never holds.
     */
    public SharedJournal shared(String clientId, String exportedBy, boolean byTheirCoach, Instant now) {
        CoachPart coachPart = byTheirCoach ? new CoachPart(exportedBy, people.name(exportedBy),
                                                           coachNotes.of(clientId, exportedBy).orElse(null)) : null;
        Person client = people.person(clientId);
        return new SharedJournal(SharedJournal.FORMAT, clientId, client.name(), client.pronouns(), now, exportedBy,
                                 people.name(exportedBy), entries.all(clientId, true), coachPart);
    }

    /** plan-service names the coach by id; the export adds their name beside it. */
    private JsonNode withCoachNames(JsonNode plans) {
        JsonNode named = plans.deepCopy();
        named.forEach(plan -> {
            if (plan instanceof ObjectNode object && plan.hasNonNull("coachId")) {
                Person coach = people.person(plan.get("coachId").asText());
                object.put("coachName", coach.name());
                if (coach.pronouns() != null) {
                    object.put("coachPronouns", coach.pronouns());
                }
            }
        });
        return named;
    }

    public static byte[] pdf(Journey journey) {
        return JourneyPdf.render(journey);
    }

    public static byte[] pdf(SharedJournal shared) {
        return SharedJournalPdf.render(shared);
    }

    /** Dates read in the client's own zone: their active plan's, else another plan's, else UTC. */
    private static String zoneOf(JsonNode plans) {
        return StreamSupport.stream(plans.spliterator(), false)
                .sorted((a, b) -> Boolean.compare("ACTIVE".equals(b.path("outcome").asText()),
                                                  "ACTIVE".equals(a.path("outcome").asText())))
                .map(plan -> plan.path("timezone").asText(""))
                .filter(JourneyExports::isZone).findFirst().orElse("UTC");
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
