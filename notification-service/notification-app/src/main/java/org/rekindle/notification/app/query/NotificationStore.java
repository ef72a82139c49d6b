package org.rekindle.notification.app.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.notification.app.rules.AlertState;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.SessionInvite;
import org.rekindle.platform.readmodel.ByIds;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Every notification once: its id is derived from the rule and cause ({@link Notice#key()}), so a second raise of
 * the same firing finds it there. The feed shows a recipient's delivered notifications, newest first. Every query
 * here is by {@code _id}: one notification, or a recipient's through {@link FeedIndexes} (only the erasure and the
 * data export filter by a field: rare, and indexed on MongoDB; the embedded server scans).
 */
@Component
public class NotificationStore {

    /** Set on every notification about a client while their journal's erasure removes them. */
    private static final String ERASING = "erasing";
    private final MongoCollection<Document> notifications;
    private static final Comparator<Document> NEWEST_DELIVERED = DocumentOrder.descending("deliveredAt")
                                                                              .thenComparing(DocumentOrder.descending("_id"));

    private final FeedIndexes feeds;
    private final OwnerIndex byCoachAndClient;
    private final Clock clock;

    NotificationStore(NotificationCollections collections, Clock clock) {
        this.notifications = collections.notifications();
        this.feeds = collections.feed();
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

    /** The ids of every notification about the client (a scan on the embedded server, as below). */
    public List<String> idsAbout(String clientId) {
        return notifications.find(Filters.eq("clientId", clientId)).projection(Projections.include("_id"))
                            .map(doc -> doc.getString("_id")).into(new ArrayList<>());
    }

    /**
     * Deletes every notification about the client (alerts to their coach, reminders to them); returns the ids. By
     * the client id, not an index: erasure must find every one, and it is rare (the embedded server scans).
     */
    public List<String> deleteAbout(String clientId) {
        Map<String, Map<String, Instant>> deliveredByRecipient = new HashMap<>();
        List<String> ids = new ArrayList<>();
        // Marked first, then read: a delivery running meanwhile either marked it before (its delivery time is read
        // here and its feed entry removed below) or finds it marked and removes its own entry (markDelivered).
        notifications.updateMany(Filters.eq("clientId", clientId), Updates.set(ERASING, true));
        notifications.find(Filters.eq("clientId", clientId)).projection(Projections.include("recipientId", "deliveredAt"))
                     .forEach(doc -> {
                         ids.add(doc.getString("_id"));
                         deliveredByRecipient.computeIfAbsent(doc.getString("recipientId"), r -> new HashMap<>())
                                             .put(doc.getString("_id"), instant(doc.getDate("deliveredAt")));
                     });
        notifications.deleteMany(Filters.eq("clientId", clientId));
        deliveredByRecipient.forEach(feeds::remove);
        deliveredByRecipient.keySet().forEach(recipient -> byCoachAndClient.forget(coachAndClient(recipient, clientId)));
        feeds.forget(clientId);
        return ids;
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
     * Into the feed, it is indexed there first (a crash in between leaves an index entry the feed filters out).
     * <p>
     * False if the client's journal was erased meanwhile ({@link #deleteAbout}): then the feed entry just written is
     * taken out again, and nothing of the notification stays.
     */
    public boolean markDelivered(NotificationView notification, boolean inFeed, String emailTo, Instant at) {
        String id = notification.id();
        if (inFeed) {
            feeds.delivered(notification.recipientId(), id, "ALERT".equals(notification.kind()), at);
        }
        boolean marked = notifications.updateOne(notErased(id), Updates.combine(Updates.min("deliveredAt", Date.from(at)),
                                                                                Updates.set("inFeed", inFeed),
                                                                                Updates.set("emailTo", emailTo)))
                                      .getMatchedCount() > 0;
        if (!marked && inFeed) {
            unindexErased(notification, at);
        }
        return marked;
    }

    /** A feed entry written for a notification erased meanwhile; a feed of the erased client's own goes whole. */
    private void unindexErased(NotificationView notification, Instant deliveredAt) {
        if (notification.recipientId().equals(notification.clientId())) {
            feeds.forget(notification.recipientId());
        } else {
            feeds.remove(notification.recipientId(), Map.of(notification.id(), deliveredAt));
        }
    }

    /** False if the notification was erased (its delivery log entries written meanwhile are the caller's to drop). */
    public boolean markEmailed(String id, Instant at) {
        return notifications.updateOne(notErased(id), Updates.set("emailedAt", Date.from(at))).getMatchedCount() > 0;
    }

    private static Bson notErased(String id) {
        return Filters.and(Filters.eq("_id", id), Filters.ne(ERASING, true));
    }

    /** Marks it read if it belongs to the recipient; false if there is no such notification of theirs. */
    public boolean markRead(String recipientId, String id, Instant at) {
        boolean found = setOnce(inFeedOf(recipientId, id), "readAt", at);
        if (found) {
            feeds.read(recipientId, id);
        }
        return found;
    }

    /**
     * The coach has seen to the alert: it leaves what needs them and stays in their history. False if there is no
     * such alert of theirs. Acknowledging again keeps the first time.
     */
    public boolean acknowledge(String recipientId, String id, Instant at) {
        boolean found = setOnce(alertOf(recipientId, id), "acknowledgedAt", at);
        if (found) {
            feeds.acknowledged(recipientId, id);
        }
        return found;
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
     * The recipient's feed, newest delivered first, read through {@link FeedIndexes}: the whole feed month by month,
     * newest first, until {@code limit} are shown; the unread ones from the ids not yet read. The cost grows with what
     * is shown and what is still unread, never with the recipient's history.
     */
    public List<NotificationView> feed(String recipientId, boolean unreadOnly, int limit,
                                       UnaryOperator<NotificationView> shown) {
        return feed(recipientId, unreadOnly, false, limit, shown);
    }

    /** As above; {@code needsYouOnly}: only alerts neither acknowledged nor snoozed now, from the open ones. */
    public List<NotificationView> feed(String recipientId, boolean unreadOnly, boolean needsYouOnly, int limit,
                                       UnaryOperator<NotificationView> shown) {
        Predicate<Document> wanted = doc -> recipientId.equals(doc.getString("recipientId"))
                                            && Boolean.TRUE.equals(doc.getBoolean("inFeed"))
                                            && (!unreadOnly || doc.get("readAt") == null);
        Predicate<NotificationView> needsYou = view -> !needsYouOnly
                                                       || AlertState.NEEDS_YOU.name().equals(view.state());
        if (needsYouOnly || unreadOnly) {
            List<String> ids = needsYouOnly ? feeds.open(recipientId) : feeds.unread(recipientId);
            return shownNewestFirst(ByIds.find(notifications, ids), wanted, needsYou, shown, limit);
        }
        // what the recipient is shown of each notification kept, built once while the page fills
        Map<Document, NotificationView> shownOnce = new IdentityHashMap<>();
        Predicate<Document> shownToThem = doc -> {
            NotificationView view = wanted.test(doc) ? shown.apply(view(doc)) : null;
            if (view != null) {
                shownOnce.put(doc, view);
            }
            return view != null;
        };
        return feeds.newestFirst(notifications, recipientId, NEWEST_DELIVERED, shownToThem, limit).stream()
                    .map(shownOnce::get).toList();
    }

    private List<NotificationView> shownNewestFirst(Collection<Document> docs, Predicate<Document> wanted,
                                                    Predicate<NotificationView> needsYou,
                                                    UnaryOperator<NotificationView> shown, int limit) {
        return docs.stream().filter(wanted)
                   .sorted(NEWEST_DELIVERED).map(this::view).filter(needsYou).map(shown).filter(Objects::nonNull).limit(limit).toList();
    }

    /**
     * Everything raised for the recipient (in the feed or not, delivered or still waiting), newest first, as
     * {@code shown} lets them see it (null: not at all): their part of a data export. Rare, so by the recipient's id:
     * indexed on MongoDB, a scan of every notification on the embedded server.
     */
    public List<NotificationView> allFor(String recipientId, UnaryOperator<NotificationView> shown) {
        List<Document> docs = notifications.find(Filters.eq("recipientId", recipientId)).into(new ArrayList<>());
        docs.sort(DocumentOrder.descending("raisedAt").thenComparing(DocumentOrder.descending("_id")));
        return docs.stream().map(this::view).map(shown).filter(Objects::nonNull).toList();
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
