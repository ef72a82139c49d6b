package org.rekindle.journal.app.command;

import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.CoachNoteRevised;
import org.rekindle.journal.app.command.api.CoachNoteWritten;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.journal.app.command.api.ResealedText.Kind;
import org.rekindle.journal.app.command.api.UrgeRecorded;

import org.rekindle.journal.app.command.api.JournalEvent;
import org.rekindle.journal.app.command.api.PersonMarked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.PersonRenamed;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sealed texts a domain event holds, each named by its record ({@link ResealedText}); the one place that knows
 * which events carry text sealed with the client's key. A new sealed text kind is one more case here.
 * Every revision of a coach note and every version of an apology counts (the aggregates and read models take a
 * re-sealed revision only while it is the current one, so a revision written meanwhile is never overwritten).
 */
public final class SealedTexts {

    /** How a text sealed by the cipher begins (its format version). */
    static final String SEALED_PREFIX = "enc:";

    private SealedTexts() {
    }

    /** The sealed texts in an event (none for events without text; a null text is no text). */
    public static List<ResealedText> in(Object event) {
        if (event instanceof ReflectionCompleted e) {
            return one(Kind.REFLECTION, e.entryId(), 0, e.text());
        }
        if (event instanceof ApologyDrafted e) {
            return one(Kind.APOLOGY_VERSION, e.entryId(), e.version(), e.text());
        }
        if (event instanceof ApologyRevised e) {
            return one(Kind.APOLOGY_VERSION, e.entryId(), e.version(), e.text());
        }
        if (event instanceof MoodCheckedIn e) {
            return one(Kind.MOOD_NOTE, e.entryId(), 0, e.note());
        }
        if (event instanceof NoContactBroken e) {
            return one(Kind.BREACH_NOTE, e.breachId(), 0, e.note());
        }
        if (event instanceof UrgeRecorded e) {
            return one(Kind.URGE_NOTE, e.urgeId(), 0, e.note());
        }
        if (event instanceof NoContactEnded e) {
            return one(Kind.NO_CONTACT_END_REASON, e.periodId(), 0, e.reason());
        }
        if (event instanceof CoachNoteWritten e) {
            return one(Kind.COACH_NOTE, e.noteId(), e.revision(), e.text());
        }
        if (event instanceof CoachNoteRevised e) {
            return one(Kind.COACH_NOTE, e.noteId(), e.revision(), e.text());
        }
        if (event instanceof MessageSent e) {
            return one(Kind.MESSAGE, e.conversationId(), e.number(), e.text());
        }
        if (event instanceof SessionRescheduled e) {
            return one(Kind.SESSION_CHANGE_REASON, e.sessionId(), e.sequence(), e.reason());
        }
        if (event instanceof SessionCancelled e) {
            return one(Kind.SESSION_CHANGE_REASON, e.sessionId(), e.sequence(), e.reason());
        }
        if (event instanceof SessionOutcomeRecorded e) {
            return one(Kind.SESSION_NOTES, e.sessionId(), 0, e.notes());
        }
        if (event instanceof JournalTextsResealed e) {
            return e.texts();
        }
        if (event instanceof PersonMarked || event instanceof PersonRenamed) {
            return List.of(); // sealed with the person's key, which the re-seal does not rotate
        }
        requireNoSealedText(event);
        return List.of();
    }

    /**
     * An event this class does not know must hold no sealed text: one that does (a new kind of text, say) would be
     * left sealed with the old client key and read as retired after the re-seal. Refusing here stops the re-seal
     * before the old keys are deleted, so nothing is lost until the kind is added above.
     */
    private static void requireNoSealedText(Object event) {
        if (!(event instanceof Record record)) {
            return;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            if (value instanceof String text && text.startsWith(SEALED_PREFIX)) {
                throw new IllegalStateException(record.getClass().getSimpleName() + "." + component.getName()
                                                + " holds sealed text that SealedTexts does not know: add its kind "
                                                + "before re-sealing");
            }
        }
    }

    /**
     * The newest stored form of every text of the client in these events (given oldest first); a coach's calendar
     * holds other clients' sessions too, whose texts are theirs, not this client's.
     */
    public static List<ResealedText> newest(Iterable<?> events, String clientId) {
        Map<String, ResealedText> newest = new LinkedHashMap<>();
        for (Object event : events) {
            if (event instanceof JournalEvent journalEvent && !clientId.equals(journalEvent.clientId())) {
                continue;
            }
            in(event).forEach(text -> newest.put(text.key(), text));
        }
        return List.copyOf(newest.values());
    }

    private static List<ResealedText> one(Kind kind, String recordId, int number, String text) {
        return text == null ? List.of() : List.of(new ResealedText(kind, recordId, number, text));
    }
}
