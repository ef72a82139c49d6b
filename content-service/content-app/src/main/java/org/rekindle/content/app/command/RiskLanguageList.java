package org.rekindle.content.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.content.app.command.api.ReviseRiskList;
import org.rekindle.content.app.command.api.RiskListRevised;
import org.rekindle.content.app.command.api.RiskPhraseEntry;
import org.rekindle.platform.command.InvalidCommandException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The risk-language list of one language (journal-service screens every text a client writes with it): a whole list
 * per version, each revision an event naming who made it. Submitting the list it already is changes nothing.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class RiskLanguageList {

    static final int MAX_PHRASES = 500;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @AggregateIdentifier
    private String listId;
    private int version;
    private List<RiskPhraseEntry> phrases = List.of();

    protected RiskLanguageList() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(ReviseRiskList command) {
        if (command.language() == null || !LANGUAGE.matcher(command.language()).matches()) {
            throw new InvalidCommandException("language", "must be an ISO 639 code in lower case, such as 'en'");
        }
        if (!ReviseRiskList.listIdOf(command.language()).equals(command.listId())) {
            throw new InvalidCommandException("language", "must be the language of the list");
        }
        List<RiskPhraseEntry> given = command.phrases();
        if (given == null || given.isEmpty()) {
            throw new InvalidCommandException("phrases", "must list at least one phrase (an empty list would check "
                                                         + "nothing)");
        }
        if (given.size() > MAX_PHRASES) {
            throw new InvalidCommandException("phrases", "must list at most " + MAX_PHRASES + " phrases");
        }
        Map<List<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            RiskPhraseEntry entry = given.get(i);
            if (entry == null) {
                throw new InvalidCommandException("phrases[" + i + "]", "must be given");
            }
            String problem = RiskPhraseRules.problemWith(entry.phrase());
            if (problem != null) {
                throw new InvalidCommandException("phrases[" + i + "].phrase", problem);
            }
            if (!RiskPhraseRules.CLASSES.contains(entry.riskClass())) {
                throw new InvalidCommandException("phrases[" + i + "].riskClass", "must be one of "
                                                                                  + RiskPhraseRules.CLASSES);
            }
            Integer earlier = seen.putIfAbsent(RiskPhraseRules.words(entry.phrase()), i);
            if (earlier != null) {
                throw new InvalidCommandException("phrases[" + i + "].phrase", "repeats phrases[" + earlier + "]");
            }
        }
        if (given.equals(phrases)) {
            return version;
        }
        apply(new RiskListRevised(command.listId(), command.language(), version + 1, List.copyOf(given),
                                  command.revisedBy(), command.revisedAt()));
        return version;
    }

    @EventSourcingHandler
    void on(RiskListRevised event) {
        listId = event.listId();
        version = event.version();
        phrases = event.phrases();
    }
}
