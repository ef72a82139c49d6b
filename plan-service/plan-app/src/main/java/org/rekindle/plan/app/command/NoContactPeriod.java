package org.rekindle.plan.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.NoContactFactRecorded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The no-contact period the plan tracks, as facts: when it started (and by which journal event), every contact during
 * it and its end. The plan's attempt runs from the start until the first contact the rules in force at its time say
 * restarts it, or the end; judged from the facts, so a change of the rules judges it again.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class NoContactPeriod {

    record Fact(String journalEventId, String fact, String initiatedBy, Instant at) {
    }

    private String periodId;
    private Instant startedAt;
    private String startEventId;
    private List<Fact> facts = new ArrayList<>();

    NoContactPeriod() {
        // for snapshots
    }

    NoContactPeriod(String periodId, Instant startedAt, String startEventId) {
        this.periodId = periodId;
        this.startedAt = startedAt;
        this.startEventId = startEventId;
    }

    String periodId() {
        return periodId;
    }

    Instant startedAt() {
        return startedAt;
    }

    String startEventId() {
        return startEventId;
    }

    boolean knows(String journalEventId) {
        return journalEventId.equals(startEventId) || facts.stream().anyMatch(f -> f.journalEventId().equals(journalEventId));
    }

    void add(Fact fact) {
        facts.add(fact);
    }

    /** The fact that ends the attempt under {@code rulesAt}: the first restarting contact or the end; null: it runs. */
    Fact attemptEnd(Function<Instant, BreachRules> rulesAt) {
        return facts.stream().sorted(Comparator.comparing(Fact::at))
                    .filter(f -> NoContactFactRecorded.ENDED.equals(f.fact())
                                 || rulesAt.apply(f.at()).restartsAttempt(f.initiatedBy()))
                    .findFirst().orElse(null);
    }
}
