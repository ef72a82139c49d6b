package org.rekindle.notification.app.rules;

import java.util.ArrayList;
import java.util.List;

/** What the rules decided on one event or check: the client's new facts, notifications now, checks for later. */
public record Decision(ClientFacts facts, List<Notice> notices, List<Check> checks) {

    /**
     * This decision and then {@code next} (decided on this one's facts) as one, with the end state of acting on them
     * one after the other: every notice of both; a check of this one that {@code next} supersedes is never
     * scheduled, and {@code next}'s check supersedes in its place what it superseded.
     */
    public Decision then(Decision next) {
        List<Notice> allNotices = new ArrayList<>(notices);
        allNotices.addAll(next.notices);
        List<Check> allChecks = new ArrayList<>(checks);
        for (Check check : next.checks) {
            String superseded = check.params().get(Check.SUPERSEDES);
            Check replaced = allChecks.stream().filter(c -> c.key().equals(superseded)).findFirst().orElse(null);
            if (replaced != null) {
                allChecks.remove(replaced);
                check = check.superseding(replaced.params().get(Check.SUPERSEDES));
            }
            allChecks.add(check);
        }
        return new Decision(next.facts, List.copyOf(allNotices), List.copyOf(allChecks));
    }
}
