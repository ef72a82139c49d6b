package org.rekindle.content.events;

import java.time.Instant;
import java.util.List;

/**
 * A version of a program was published. The version is immutable and complete: plans are assigned from it and pin
 * it. Type {@value #TYPE} on topic {@value ContentTopic#NAME}, keyed by program id.
 */
public record ProgramVersionPublished(String programId, int version, String title, String summary,
                                      List<ProgramPhase> phases, Instant publishedAt) {

    public static final String TYPE = "rekindle.content.ProgramVersionPublished.v1";
}
