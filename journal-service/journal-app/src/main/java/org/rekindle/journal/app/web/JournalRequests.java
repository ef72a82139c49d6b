package org.rekindle.journal.app.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.InitiatedBy;

import java.time.Instant;
import java.util.List;

/**
 * Request bodies of the journal API. {@code occurredAt} is optional everywhere (default: now) so a client can log
 * last night's call this morning; the journal refuses times in the future.
 */
final class JournalRequests {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 4_000;
    static final int MAX_COACH_NOTE = 10_000;

    private JournalRequests() {
    }

    record Reflection(@NotBlank @Size(max = 100) String promptId, @NotBlank @Size(max = MAX_TEXT) String text,
                      Instant occurredAt) {
    }

    record Apology(@NotBlank @Size(max = MAX_TEXT) String text, Instant occurredAt) {
    }

    /** A draft being written, for notes only (may be empty while the person starts). */
    record ApologyText(@NotNull @Size(max = MAX_TEXT) String text) {
    }

    record MoodCheckIn(@NotNull @Min(1) @Max(5) Integer score, @Size(max = MAX_NOTE) String note,
                       @DecimalMin("0") @DecimalMax("24") Double sleepHours, Instant occurredAt) {
    }

    record NoContactPeriod(@Min(1) @Max(365) Integer targetDays, Instant occurredAt) {
        int targetDaysOrDefault() {
            return targetDays == null ? 30 : targetDays;
        }
    }

    record EndNoContactPeriod(@Size(max = 200) String reason, Instant occurredAt) {
    }

    record Breach(@NotNull Channel channel, @NotNull InitiatedBy initiatedBy, @Size(max = MAX_NOTE) String note,
                  Instant occurredAt) {
    }

    record Urge(@NotNull Boolean resisted, @Size(max = MAX_NOTE) String note, Instant occurredAt) {
    }

    /** A coach's private note about a client (the whole text; each save is a new revision). */
    record CoachNoteText(@NotBlank @Size(max = MAX_COACH_NOTE) String text) {
    }

    /** The whole choice: every kind of information the coach may see (empty: only shared entries). */
    record Consent(@NotNull @Size(max = 20) List<@NotNull CoachView> coachSees) {
    }

    /** A person named in the client's texts: how the pages show them, and the names to find (1-10). */
    record Person(@NotBlank @Size(max = 60) String label,
                  @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 60) String> names) {
    }
}
