package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.notification.app.rules.SessionInvite;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Each person's booked sessions as their calendar feed shows them: one document per person ({@code _id} = user id,
 * every read and write by {@code _id}), each session as of its latest change (a change with a lower or equal
 * sequence, a redelivery, changes nothing). Sessions that ended more than {@link #KEPT_AFTER} ago are dropped on the
 * next write, so a document stays as small as a person's recent and coming sessions.
 */
@Component
public class SessionCalendarStore {

    public static final Duration KEPT_AFTER = Duration.ofDays(30);

    private final MongoCollection<Document> calendars;

    SessionCalendarStore(NotificationCollections collections) {
        this.calendars = collections.sessionCalendars();
    }

    /** The session as of {@code invite}'s change, in {@code userId}'s calendar (coach: its coach id). */
    public void record(String userId, String coachId, SessionInvite invite, Instant now) {
        Document doc = calendars.find(Filters.eq("_id", userId)).first();
        Document sessions = doc == null ? new Document() : doc.get("sessions", new Document());
        Document known = sessions.get(invite.sessionId(), Document.class);
        if (known != null && known.getInteger("sequence") >= invite.sequence()) {
            return;
        }
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("sessions." + invite.sessionId(), new Document("sequence", invite.sequence())
                .append("start", Date.from(invite.start())).append("end", Date.from(invite.end()))
                .append("cancelled", invite.cancelled()).append("clientId", invite.withClientId())
                .append("coachId", coachId).append("forCoach", invite.forCoach())
                .append("stamp", Date.from(invite.stamp()))));
        sessions.forEach((id, value) -> {
            if (!id.equals(invite.sessionId()) && value instanceof Document s
                && s.getDate("end").toInstant().isBefore(now.minus(KEPT_AFTER))) {
                updates.add(Updates.unset("sessions." + id));
            }
        });
        calendars.updateOne(Filters.eq("_id", userId), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** The person's sessions, soonest first. */
    public List<SessionInvite> of(String userId) {
        Document doc = calendars.find(Filters.eq("_id", userId)).first();
        List<SessionInvite> invites = new ArrayList<>();
        if (doc != null) {
            doc.get("sessions", new Document()).forEach((id, value) -> {
                Document s = (Document) value;
                invites.add(new SessionInvite(id, s.getInteger("sequence"), s.getDate("start").toInstant(),
                                              s.getDate("end").toInstant(), s.getBoolean("cancelled"),
                                              s.getString("clientId"), s.getBoolean("forCoach"),
                                              s.getDate("stamp").toInstant()));
            });
        }
        invites.sort(Comparator.comparing(SessionInvite::start));
        return invites;
    }

    /** Erasure: the client's calendar goes, and their sessions leave their coaches' calendars. */
    public void eraseClient(String clientId) {
        Document doc = calendars.find(Filters.eq("_id", clientId)).first();
        if (doc == null) {
            return;
        }
        doc.get("sessions", new Document()).forEach((id, value) -> {
            String coachId = ((Document) value).getString("coachId");
            if (coachId != null) {
                calendars.updateOne(Filters.eq("_id", coachId), Updates.unset("sessions." + id));
            }
        });
        calendars.deleteOne(Filters.eq("_id", clientId));
    }
}
