package org.rekindle.platform.asyncapi.sample;

import java.time.LocalDate;

/** A bookable slot: the day and the minutes it lasts. */
public record Slot(LocalDate day, int minutes, Mode mode) {

    public enum Mode { VIDEO, IN_PERSON }
}
