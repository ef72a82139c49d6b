package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.api.CoachView;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** What a client's coach may see now: their latest choice, or the default if they never chose. */
@Component
public class ConsentQueries {

    private final MongoCollection<Document> consent;

    ConsentQueries(ReadModelCollections collections) {
        this.consent = collections.consent();
    }

    public ConsentView of(String clientId) {
        Document doc = consent.find(Filters.eq("_id", clientId)).first();
        if (doc == null) {
            return new ConsentView(clientId, CoachView.DEFAULT, true, null);
        }
        Set<CoachView> chosen = EnumSet.noneOf(CoachView.class);
        doc.getList("coachSees", String.class).forEach(name -> chosen.add(CoachView.valueOf(name)));
        return new ConsentView(clientId, chosen, false, doc.getDate("changedAt").toInstant());
    }

    /** A client's consent: {@code byDefault} when they never chose, then {@code changedAt} is null. */
    public record ConsentView(String clientId, Set<CoachView> coachSees, boolean byDefault, Instant changedAt) {

        public boolean allows(CoachView view) {
            return coachSees.contains(view);
        }
    }
}
