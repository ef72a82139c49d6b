package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.Step;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search over the latest published version of every program in use: one document per program and per step, with
 * its words normalised (lower case, accents folded). A query finds documents sharing a word ({@code $in} on the
 * token array) and ranks them here: a word in a title counts three times a word in the text, a word that only
 * starts a longer word counts half.
 * <p>
 * Why not a text index: the embedded MongoDB-wire server has none, and the catalog is small. The scanned set is
 * the catalog (programs × steps, hundreds to a few thousand documents), never client data, so the cost grows with
 * the library, not with use. On real MongoDB a multikey index on {@code tokens} serves the {@code $in}; prefix
 * matching is done on the candidates, so a catalog in the hundreds of thousands would want Atlas Search instead.
 */
@Component
public class SearchIndex {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "the", "of", "to", "in", "on", "for",
            "is", "it", "you", "your", "i", "my", "or", "with", "what", "how", "be", "at", "as", "are", "this");

    private final MongoCollection<Document> search;

    SearchIndex(ContentCollections collections) {
        this.search = collections.search();
    }

    void index(ProgramVersionPublished event) {
        remove(event.programId());
        List<Document> documents = new ArrayList<>();
        documents.add(entry(event, null, null, event.title(), event.summary()));
        for (Phase phase : event.phases()) {
            for (Step step : phase.steps()) {
                documents.add(entry(event, phase, step, step.title(), step.guidance()));
            }
        }
        search.insertMany(documents);
    }

    void remove(String programId) {
        search.deleteMany(Filters.eq("programId", programId));
    }

    void clear() {
        search.deleteMany(new Document());
    }

    /** Hits for the query, best first; empty when the query has no searchable word. */
    public List<SearchHit> find(String query, int limit) {
        Set<String> words = tokens(query);
        if (words.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Document doc : search.find(Filters.in("tokens", candidates(words)))) {
            double score = score(words, doc);
            if (score > 0) {
                hits.add(SearchHit.of(doc, score));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                            .thenComparing(SearchHit::programTitle).thenComparing(SearchHit::title));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** Exact words, plus every indexed word that a query word of 3+ letters starts. */
    private List<String> candidates(Set<String> words) {
        Set<String> all = new LinkedHashSet<>(words);
        for (String word : words) {
            if (word.length() >= 3) {
                search.distinct("tokens", Filters.regex("tokens", "^" + java.util.regex.Pattern.quote(word)),
                                String.class).into(all);
            }
        }
        return List.copyOf(all);
    }

    private static double score(Set<String> words, Document doc) {
        List<String> titleTokens = doc.getList("titleTokens", String.class);
        List<String> textTokens = doc.getList("tokens", String.class);
        double score = 0;
        for (String word : words) {
            score += 3 * match(word, titleTokens) + match(word, textTokens);
        }
        return score;
    }

    private static double match(String word, List<String> tokens) {
        if (tokens.contains(word)) {
            return 1;
        }
        return word.length() >= 3 && tokens.stream().anyMatch(token -> token.startsWith(word)) ? 0.5 : 0;
    }

    private static Document entry(ProgramVersionPublished event, Phase phase, Step step, String title, String text) {
        Set<String> titleTokens = tokens(title);
        Set<String> allTokens = new LinkedHashSet<>(titleTokens);
        allTokens.addAll(tokens(text));
        return new Document("programId", event.programId()).append("version", event.version())
                .append("programTitle", event.title())
                .append("phaseId", phase == null ? null : phase.phaseId())
                .append("stepId", step == null ? null : step.stepId())
                .append("kind", step == null ? "PROGRAM" : step.kind().name())
                .append("title", title).append("text", text)
                .append("titleTokens", List.copyOf(titleTokens)).append("tokens", List.copyOf(allTokens));
    }

    static Set<String> tokens(String text) {
        if (text == null) {
            return Set.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                                  .toLowerCase(Locale.ROOT);
        Set<String> tokens = new LinkedHashSet<>();
        Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(word -> word.length() > 1)
              .filter(word -> !STOP_WORDS.contains(word)).forEach(tokens::add);
        return tokens;
    }
}
