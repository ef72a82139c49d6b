package org.rekindle.journal.app.export;

import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.query.PersonQueries;

import java.time.Instant;

/**
 * A person the client marked, as the journey export lists them: the label only (never the names to find), and for
 * an erased person "[a person removed at the client's request]".
 */
public record ExportedPerson(String personId, String label, boolean erased, Instant markedAt, Instant erasedAt) {

    static ExportedPerson of(PersonQueries.Person person) {
        return new ExportedPerson(person.personId(), person.erased() ? TextCipher.PERSON_REMOVED : person.label(),
                                  person.erased(), person.markedAt(), person.erasedAt());
    }
}
