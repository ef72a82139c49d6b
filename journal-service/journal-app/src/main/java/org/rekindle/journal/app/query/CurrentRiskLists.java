package org.rekindle.journal.app.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.rekindle.journal.app.command.safety.RiskClass;
import org.rekindle.journal.app.command.safety.RiskList;
import org.rekindle.journal.app.command.safety.RiskMatch;
import org.rekindle.journal.app.command.safety.RiskMatcher;
import org.rekindle.journal.app.command.safety.RiskPhrase;
import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The risk lists journal-service screens with: its own copy of what content-service published (collection
 * {@code journal_risk_lists}, one document per language, {@code _id} = language), and until a language's first list
 * arrives the default shipped with content-service's contract ({@code risk-lists/<language>.json} in content-events),
 * so no text ever goes unchecked. A list older than the one held is ignored (redeliveries, late arrivals).
 * <p>
 * Only one instance of the service consumes a given revision (the consumer group shares the topic's partitions), so
 * every instance takes the stored lists again when its copy is older than {@link #REFRESH}: one read of a collection
 * holding a document per language.
 */
@Component
public class CurrentRiskLists implements SafetyScreen {

    static final List<String> BUNDLED_LANGUAGES = List.of("en");
    static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(1);

    private final MongoCollection<Document> stored;
    private final Map<String, RiskMatcher> matchers = new ConcurrentHashMap<>();
    private final Map<String, RiskList> lists = new ConcurrentHashMap<>();
    private volatile long refreshedAt;

    CurrentRiskLists(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.stored = mongo.getDatabase(database).getCollection("journal_risk_lists");
        BUNDLED_LANGUAGES.forEach(language -> hold(bundledDefault(language)));
        takeStored();
    }

    /** The stored lists newer than the ones held: what another instance consumed, or what was kept before a restart. */
    private synchronized void takeStored() {
        for (Document document : stored.find()) {
            RiskList list = fromDocument(document);
            if (list.version() > heldVersion(list.language())) {
                hold(list);
            }
        }
        refreshedAt = System.nanoTime();
    }

    private void refreshIfStale() {
        if (System.nanoTime() - refreshedAt > REFRESH.toNanos()) {
            takeStored();
        }
    }

    @Override
    public Optional<RiskMatch> check(String text) {
        refreshIfStale();
        return matchers.values().stream().map(matcher -> matcher.check(text)).flatMap(Optional::stream)
                       .min(Comparator.comparing(RiskMatch::riskClass));
    }

    /** Takes a newer list of a language (stored first, then used); an older or equal version changes nothing. */
    public synchronized void accept(RiskList list) {
        if (list.version() <= heldVersion(list.language())) {
            return;
        }
        RiskMatcher matcher = new RiskMatcher(list);
        stored.replaceOne(Filters.eq("_id", list.language()), toDocument(list), new ReplaceOptions().upsert(true));
        lists.put(list.language(), list);
        matchers.put(list.language(), matcher);
    }

    /** The version in use for a language (0 if none). */
    public int versionOf(String language) {
        refreshIfStale();
        return heldVersion(language);
    }

    private int heldVersion(String language) {
        RiskList list = lists.get(language);
        return list == null ? 0 : list.version();
    }

    private void hold(RiskList list) {
        matchers.put(list.language(), new RiskMatcher(list));
        lists.put(list.language(), list);
    }

    /** The default list content-service ships in its published contract. */
    public static RiskList bundledDefault(String language) {
        try (InputStream in = CurrentRiskLists.class.getResourceAsStream("/risk-lists/" + language + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No bundled risk list for '" + language + "' (content-events)");
            }
            return new ObjectMapper().readValue(in, RiskList.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toDocument(RiskList list) {
        return new Document("_id", list.language()).append("version", list.version()).append("phrases",
                list.phrases().stream().map(p -> new Document("phrase", p.phrase())
                        .append("riskClass", p.riskClass().name())).toList());
    }

    private static RiskList fromDocument(Document document) {
        return new RiskList(document.getString("_id"), document.getInteger("version"),
                            document.getList("phrases", Document.class).stream()
                                    .map(p -> new RiskPhrase(p.getString("phrase"),
                                                             RiskClass.valueOf(p.getString("riskClass"))))
                                    .toList());
    }
}
