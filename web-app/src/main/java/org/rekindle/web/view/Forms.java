package org.rekindle.web.view;

/** What a form field sends on to a service: an empty field is no value (null). */
public final class Forms {

    private Forms() {
    }

    /** Free text, kept exactly as written. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A typed value (a number, an id): trimmed, then sent as it is, so the service names the field if it is wrong. */
    public static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
