package org.rekindle.journal.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.rekindle.journal.app.command.ApologyFeedback;
import org.rekindle.journal.app.command.safety.SafetyScreen;

import java.util.List;

/**
 * The answer to a create: the id of what was recorded and, for apologies, its version and the notes on the text
 * saved ({@link ApologyFeedback}); {@code showCrisisResources} (only when true) when the text matched the risk list,
 * so the writer's page shows crisis resources at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Created(String entryId, String periodId, String breachId, String urgeId, Integer version,
               List<ApologyFeedback.Note> feedback, Boolean showCrisisResources) {

    Created(String entryId, String periodId, String breachId, String urgeId, Integer version,
            List<ApologyFeedback.Note> feedback) {
        this(entryId, periodId, breachId, urgeId, version, feedback, null);
    }

    /** As this, telling the writer to see crisis resources when the text they saved matched the risk list. */
    Created screened(SafetyScreen screen, String text) {
        return screen.check(text).isPresent()
               ? new Created(entryId, periodId, breachId, urgeId, version, feedback, true) : this;
    }

    static Created entry(String entryId) {
        return new Created(entryId, null, null, null, null, null);
    }

    static Created apology(String entryId, int version, String text) {
        return new Created(entryId, null, null, null, version, ApologyFeedback.of(text));
    }

    static Created period(String periodId) {
        return new Created(null, periodId, null, null, null, null);
    }

    static Created breach(String breachId) {
        return new Created(null, null, breachId, null, null, null);
    }

    static Created urge(String urgeId) {
        return new Created(null, null, null, urgeId, null, null);
    }
}
