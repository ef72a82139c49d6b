package org.rekindle.notification.app.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.notification.app.rules.AlertState;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.SessionInvite;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every notification once: its id is derived from the rule and cause ({@link Notice#key()}), so a second raise of
 * the same firing finds it there. The feed shows a recipient's delivered notifications, newest first. Every query
 * here is by {@code _id}: one notification, or a recipient's through {@code notifications_by_recipient} (only the
 * erasure filters by client id).
 */
@Component
public class NotificationStore {

    private final MongoCollection<Document> notifications;
    private final OwnerIndex byRecipient;
    private final OwnerIndex byCoachAndClient;
    private final Clock clock;

    NotificationStore(NotificationCollections collections, Clock clock) {
        this.notifications = collections.notifications();
        this.byRecipient = collections.notificationsByRecipient();
        this.byCoachAndClient = collections.alertsByCoachAndClient();
        this.clock = clock;
    }

    /** The key of a coach's alerts about one client in {@code alerts_by_coach_and_client}. */
    static String coachAndClient(String coachId, String clientId) {
        return coachId + "|" + clientId;
    }

    public static String idOf(Notice notice) {
        return UUID.nameUUIDFromBytes(notice.key().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Stores the notice unless it is there already; returns whether it is new. */
    public boolean insertOnce(Notice notice, String coachId, Instant deliverAt) {
        List<Document> causes = notice.causes().stream().map(c -> new Document("eventId", c.eventId())
                .append("type", c.type()).append("at", Date.from(c.at())).append("detail", c.detail())).toList();
        byRecipient.add(notice.recipientId(), idOf(notice));
        if (!notice.rule().isReminder()) {
            byCoachAndClient.add(coachAndClient(notice.recipientId(), notice.clientId()), idOf(notice));
        }
        try {
            notifications.insertOne(new Document("_id", idOf(notice)).append("key", notice.key())
                    .append("recipientId", notice.recipientId()).append("clientId", notice.clientId())
                    .append("coachId", coachId).append("rule", notice.rule().name())
                    .append("kind", notice.rule().isReminder() ? "REMINDER" : "ALERT")
                    .append("title", notice.title()).append("body", notice.body()).append("why", notice.why())
                    .append("causes", causes).append("raisedAt", Date.from(notice.raisedAt()))
                    .append("deliverAt", Date.from(deliverAt)).append("invite", inviteDocument(notice.invite())));
            // "invite" is null but for notices about a booked session
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes every notification about the client (alerts to their coach, reminders to them); returns the ids. By
     * the client id, not an index: erasure must find every one, and it is rare (the embedded server scans).
     */
    public List<String> deleteAbout(String clientId) {
        Map<String, List<String>> idsByRecipient = new HashMap<>();
        notifications.find(Filters.eq("clientId", clientId)).projection(Projections.include("recipientId"))
                     .forEach(doc -> idsByRecipient.computeIfAbsent(doc.getString("recipientId"),
                                                                    r -> new ArrayList<>()).add(doc.getString("_id")));
        notifications.deleteMany(Filters.eq("clientId", clientId));
        idsByRecipient.forEach(byRecipient::remove);
        idsByRecipient.keySet().forEach(recipient -> byCoachAndClient.forget(coachAndClient(recipient, clientId)));
        byRecipient.forget(clientId);
        return idsByRecipient.values().stream().flatMap(List::stream).toList();
    }

    private static Document inviteDocument(SessionInvite invite) {
        return invite == null ? null : new Document("sessionId", invite.sessionId())
                .append("sequence", invite.sequence()).append("start", Date.from(invite.start()))
                .append("end", Date.from(invite.end())).append("cancelled", invite.cancelled())
                .append("withClientId", invite.withClientId()).append("forCoach", invite.forCoach())
                .append("stamp", Date.from(invite.stamp()));
    }

    /**
     * A notification as its delivery and email need it, read once: the view, whether it was emailed, where its email
     * goes (decided at delivery; null if it is not emailed or was delivered before this was kept) and the booked session
     * it is about (its email carries it as an .ics; null for other notifications).
     */
    public record Stored(NotificationView view, boolean emailed, String emailTo, SessionInvite invite) {

        public boolean delivered() {
            return view.deliveredAt() != null;
        }
    }

    /** The notification with what its delivery and email need, in one read by {@code _id}. */
    public Optional<Stored> load(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first())
                       .map(doc -> new Stored(view(doc), doc.get("emailedAt") != null, doc.getString("emailTo"),
                                              invite(doc.get("invite", Document.class))));
    }

    private static SessionInvite invite(Document i) {
        return i == null ? null : new SessionInvite(
                i.getString("sessionId"), i.getInteger("sequence"), i.getDate("start").toInstant(),
                i.getDate("end").toInstant(), i.getBoolean("cancelled"), i.getString("withClientId"),
                i.getBoolean("forCoach"), i.getDate("stamp").toInstant());
    }

    public Optional<NotificationView> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first()).map(this::view);
    }

    /**
     * Marks it delivered (into the feed or not) and where its email goes, in one write; delivered again, it keeps the
     * first time ({@code $min}). Its delivery runs as claimed schedule work and reads it first, so it is marked once.
     */
    public void markDelivered(String id, boolean inFeed, String emailTo, Instant at) {
        notifications.updateOne(Filters.eq("_id", id), Updates.combine(Updates.min("deliveredAt", Date.from(at)),
                                                                       Updates.set("inFeed", inFeed),
                                                                       Updates.set("emailTo", emailTo)));
    }

    public void markEmailed(String id, Instant at) {
        notifications.updateOne(Filters.eq("_id", id), Updates.set("emailedAt", Date.from(at)));
    }

    /** Marks it read if it belongs to the recipient; false if there is no such notification of theirs. */
    public boolean markRead(String recipientId, String id, Instant at) {
        return setOnce(inFeedOf(recipientId, id), "readAt", at);
    }

    /**
     * The coach has seen to the alert: it leaves what needs them and stays in their history. False if there is no
     * such alert of theirs. Acknowledging again keeps the first time.
     */
    public boolean acknowledge(String recipientId, String id, Instant at) {
        return setOnce(alertOf(recipientId, id), "acknowledgedAt", at);
    }

    /** The alert stays out of what needs the coach until {@code until}; false if there is no such alert of theirs. */
    public boolean snooze(String recipientId, String id, Instant until) {
        Document doc = alertOf(recipientId, id);
        if (doc != null) {
            notifications.updateOne(Filters.eq("_id", id), Updates.set("snoozedUntil", Date.from(until)));
        }
        return doc != null;
    }

    private boolean setOnce(Document doc, String field, Instant at) {
        if (doc == null) {
            return false;
        }
        if (doc.get(field) == null) {
            notifications.updateOne(Filters.eq("_id", doc.getString("_id")), Updates.set(field, Date.from(at)));
        }
        return true;
    }

    private Document inFeedOf(String recipientId, String id) {
        Document doc = notifications.find(Filters.eq("_id", id)).first();
        return doc != null && recipientId.equals(doc.getString("recipientId"))
               && Boolean.TRUE.equals(doc.getBoolean("inFeed")) ? doc : null;
    }

    private Document alertOf(String recipientId, String id) {
        Document doc = inFeedOf(recipientId, id);
        return doc != null && "ALERT".equals(doc.getString("kind")) ? doc : null;
    }

    /**
     * The coach's alerts about one client (delivered, in any state), newest first, read by id through
     * {@code alerts_by_coach_and_client}: the cost grows with this coach's alerts about this client only.
     */
    public List<NotificationView> aboutClient(String coachId, String clientId, UnaryOperator<NotificationView> shown) {
        return byCoachAndClient.documentsOf(notifications, coachAndClient(coachId, clientId),
                                            DocumentOrder.descending("raisedAt").thenComparing(DocumentOrder.descending("_id")))
                .stream().filter(doc -> coachId.equals(doc.getString("recipientId")) && doc.get("deliveredAt") != null)
                .map(this::view).map(shown).filter(Objects::nonNull).toList();
    }

    /**
     * The recipient's feed, newest first: their notifications read by id through their index and filtered here, so
     * the cost grows with this recipient's notifications, never with everyone's.
     */
    public List<NotificationView> feed(String recipientId, boolean unreadOnly, int limit,
                                       UnaryOperator<NotificationView> shown) {
        return feed(recipientId, unreadOnly, false, limit, shown);
    }

    /** As above; {@code needsYouOnly}: only alerts neither acknowledged nor snoozed now. */
    public List<NotificationView> feed(String recipientId, boolean unreadOnly, boolean needsYouOnly, int limit,
                                       UnaryOperator<NotificationView> shown) {
        return notificationsOf(recipientId, DocumentOrder.descending("deliveredAt").thenComparing(DocumentOrder.descending("_id")))
                .filter(doc -> Boolean.TRUE.equals(doc.getBoolean("inFeed")))
                .filter(doc -> !unreadOnly || doc.get("readAt") == null)
                .map(this::view)
                .filter(view -> !needsYouOnly || AlertState.NEEDS_YOU.name().equals(view.state()))
                .map(shown).filter(Objects::nonNull).limit(limit).toList();
    }

    /**
     * Everything raised for the recipient (in the feed or not, delivered or still waiting), newest first, as
     * {@code shown} lets them see it (null: not at all).
     */
    public List<NotificationView> allFor(String recipientId, UnaryOperator<NotificationView> shown) {
        return notificationsOf(recipientId, DocumentOrder.descending("raisedAt").thenComparing(DocumentOrder.descending("_id"))).map(this::view)
                .map(shown).filter(Objects::nonNull).toList();
    }

    private Stream<Document> notificationsOf(String recipientId, Comparator<Document> order) {
        return byRecipient.documentsOf(notifications, recipientId, order).stream()
                          .filter(doc -> recipientId.equals(doc.getString("recipientId")));
    }

    private NotificationView view(Document doc) {
        List<NotificationView.CauseView> causes = doc.getList("causes", Document.class, List.of()).stream()
                .map(c -> new NotificationView.CauseView(c.getString("eventId"), c.getString("type"),
                                                         instant(c.getDate("at")), c.getString("detail"))).toList();
        return new NotificationView(doc.getString("_id"), doc.getString("recipientId"), doc.getString("clientId"),
                                    doc.getString("rule"), doc.getString("kind"), doc.getString("title"),
                                    doc.getString("body"), doc.getString("why"), causes,
                                    instant(doc.getDate("raisedAt")), instant(doc.getDate("deliveredAt")),
                                    instant(doc.getDate("readAt")), instant(doc.getDate("acknowledgedAt")),
                                    instant(doc.getDate("snoozedUntil")), "ALERT".equals(doc.getString("kind"))
                                    ? AlertState.of(instant(doc.getDate("acknowledgedAt")),
                                                    instant(doc.getDate("snoozedUntil")), clock.instant()).name()
                                    : null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
