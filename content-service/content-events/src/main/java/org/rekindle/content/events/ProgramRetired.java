package org.rekindle.content.events;

import java.time.Instant;

/**
 * A program was retired: no new plans are assigned from it; plans already assigned keep their pinned version.
 * Type {@value #TYPE} on topic {@value ContentTopic#NAME}, keyed by program id.
 */
public record ProgramRetired(String programId, Instant retiredAt) {

    public static final String TYPE = "rekindle.content.ProgramRetired.v1";
}
