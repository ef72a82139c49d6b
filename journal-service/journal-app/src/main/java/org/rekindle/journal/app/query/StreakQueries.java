package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

@Component
public class StreakQueries {

    private final MongoCollection<Document> streaks;
    private final ContactRulesHistory rules;
    private final Clock clock;

    StreakQueries(ReadModelCollections collections, ContactRulesHistory rules, Clock clock) {
        this.streaks = collections.streaks();
        this.rules = rules;
        this.clock = clock;
    }

    /** The client's streak now, under their plan's rules; empty when the client has no journal. */
    public Optional<StreakView> current(String clientId) {
        return Optional.ofNullable(streaks.find(Filters.eq("_id", clientId)).first())
                       .map(doc -> StreakView.of(clientId, doc, rules.of(clientId), clock.instant()));
    }

    public boolean journalExists(String clientId) {
        // find, not countDocuments: a count runs as an aggregation, which the embedded server answers by scanning
        return streaks.find(Filters.eq("_id", clientId)).first() != null;
    }
}
