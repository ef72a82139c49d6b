package org.rekindle.journal.app.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates and words as a person reads them in an export, in the client's zone. */
final class Readable {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm",
                                                                                     Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;

    Readable(ZoneId zone) {
        this.zone = zone;
    }

    String at(Instant instant) {
        return instant == null ? "—" : DAY_AND_TIME.format(instant.atZone(zone));
    }

    String day(Instant instant) {
        return instant == null ? "—" : DAY.format(instant.atZone(zone));
    }

    /** A calendar day another service sent as ISO text (2026-11-01), written like every other date here. */
    static String date(JsonNode node) {
        try {
            return DAY.format(java.time.LocalDate.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return node.isMissingNode() || node.isNull() ? "—" : node.asText();
        }
    }

    /** A date-time another service sent as JSON (ISO text or epoch milliseconds). */
    String at(JsonNode node) {
        return at(instantOf(node));
    }

    static Instant instantOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** NO_CONTACT_STARTED → "no contact started". */
    static String words(String constant) {
        return constant == null ? "" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * "Sam Rivera (they/them, client-sam)", where a person is introduced (pronouns when the directory has them); the
     * id alone when the directory has no name.
     */
    static String introduce(String name, String pronouns, String id) {
        if (name == null || name.isBlank() || name.equals(id)) {
            return id;
        }
        return name + " (" + (pronouns == null || pronouns.isBlank() ? "" : pronouns + ", ") + id + ")";
    }

    static String plural(int count, String one) {
        return count + " " + (count == 1 ? one : one + "s");
    }
}
