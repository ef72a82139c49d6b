package org.rekindle.journal.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a create: the id of what was recorded and, for apologies, its version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Created(String entryId, String periodId, String breachId, String urgeId, Integer version) {

    static Created entry(String entryId) {
        return new Created(entryId, null, null, null, null);
    }

    static Created apology(String entryId, int version) {
        return new Created(entryId, null, null, null, version);
    }

    static Created period(String periodId) {
        return new Created(null, periodId, null, null, null);
    }

    static Created breach(String breachId) {
        return new Created(null, null, breachId, null, null);
    }

    static Created urge(String urgeId) {
        return new Created(null, null, null, urgeId, null);
    }
}
