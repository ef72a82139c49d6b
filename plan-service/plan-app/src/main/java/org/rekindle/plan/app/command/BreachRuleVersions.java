package org.rekindle.plan.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.rekindle.plan.app.command.api.BreachRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's breach rules over time: the assigned rules from the start, then each change from its effective day on.
 * A change replaces every version from its day on ("from this day, these rules"), so the versions stay in day order.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class BreachRuleVersions {

    record Version(LocalDate effectiveFrom, BreachRules rules) {
    }

    private List<Version> versions = new ArrayList<>();

    BreachRuleVersions() {
        // for snapshots
    }

    static BreachRuleVersions startingWith(LocalDate start, BreachRules rules) {
        BreachRuleVersions versions = new BreachRuleVersions();
        versions.versions.add(new Version(start, rules));
        return versions;
    }

    LocalDate start() {
        return versions.get(0).effectiveFrom();
    }

    BreachRules inForceOn(LocalDate day) {
        BreachRules rules = versions.get(0).rules();
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                rules = version.rules();
            }
        }
        return rules;
    }

    /** Whether these rules from {@code day} on would change nothing. */
    boolean alreadyFrom(LocalDate day, BreachRules rules) {
        return inForceOn(day).equals(rules)
               && versions.stream().filter(v -> v.effectiveFrom().isAfter(day)).allMatch(v -> v.rules().equals(rules));
    }

    /** A copy to try a change on (a preview) without changing the plan's versions. */
    BreachRuleVersions copy() {
        BreachRuleVersions copy = new BreachRuleVersions();
        copy.versions.addAll(versions);
        return copy;
    }

    void change(LocalDate from, BreachRules rules) {
        versions.removeIf(version -> !version.effectiveFrom().isBefore(from));
        versions.add(new Version(from, rules));
    }
}
