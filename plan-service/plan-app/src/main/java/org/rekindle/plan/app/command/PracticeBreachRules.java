package org.rekindle.plan.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.PracticeBreachRulesSet;
import org.rekindle.plan.app.command.api.SetPracticeBreachRules;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A practice's default breach rules, versioned: each setting is an event in the practice's history. A plan assigned
 * without rules of its own starts with the version in force then.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PracticeBreachRules {

    @AggregateIdentifier
    private String rulesId;
    private int version;
    private BreachRules rules;

    protected PracticeBreachRules() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetPracticeBreachRules command) {
        require(command.practiceId() != null && !command.practiceId().isBlank(), "practiceId", "must be given");
        require(command.rulesId().equals(SetPracticeBreachRules.aggregateId(command.practiceId())), "practiceId",
                "must be the practice the rules are for");
        require(command.rules() != null, "rules", "must be given");
        require(command.rules().noContactTargetDays() == null
                || command.rules().noContactTargetDays() >= 1 && command.rules().noContactTargetDays() <= 365,
                "noContactTargetDays", "must be between 1 and 365 days, or left empty for the client's own period");
        require(command.reason() != null && !command.reason().isBlank(), "reason",
                "must say why the practice's rules change (it stays in the practice's history)");
        require(command.reason().length() <= 500, "reason", "must be at most 500 characters");
        if (command.rules().equals(rules)) {
            throw new ConflictingCommandException("These are the practice's default rules already (version "
                                                  + version + ").");
        }
        apply(new PracticeBreachRulesSet(command.rulesId(), command.practiceId(), version + 1, rules, command.rules(),
                                         command.reason(), command.setBy(), command.setAt()));
    }

    @EventSourcingHandler
    void on(PracticeBreachRulesSet event) {
        rulesId = event.rulesId();
        version = event.version();
        rules = event.rules();
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidCommandException(field, reason);
        }
    }
}
