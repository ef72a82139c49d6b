package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The read model of coaches' calendars, every lookup on {@code _id}:
 * <ul>
 * <li>{@code journal_coach_calendars}, one document per coach ({@code _id} = coach id, the aggregate's id): the
 * weekly rule, the days off and an index of the coach's sessions (id, client, start, end, booked or not), enough to
 * compute the free slots and to list the sessions without a query on the sessions collection;</li>
 * <li>{@code journal_sessions}, one document per session ({@code _id} = session id): its times, status, changes
 * with their reasons and the outcome with the coach's notes, both still sealed with the client's key;</li>
 * <li>{@code journal_client_sessions}, one document per client ({@code _id} = client id): the ids of their
 * sessions and with which coach.</li>
 * </ul>
 */
@Component
public class SessionCollections {

    private final MongoCollection<Document> calendars;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> clients;

    SessionCollections(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.calendars = mongo.getDatabase(database).getCollection("journal_coach_calendars");
        this.sessions = mongo.getDatabase(database).getCollection("journal_sessions");
        this.clients = mongo.getDatabase(database).getCollection("journal_client_sessions");
    }

    /** Written last for each event, so read-your-writes on a coach's calendar covers the other two. */
    public MongoCollection<Document> calendars() {
        return calendars;
    }

    MongoCollection<Document> sessions() {
        return sessions;
    }

    MongoCollection<Document> clients() {
        return clients;
    }
}
