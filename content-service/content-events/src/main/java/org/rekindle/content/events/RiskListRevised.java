package org.rekindle.content.events;

import java.time.Instant;
import java.util.List;

/**
 * The risk-language list of one language was revised (version 1 is the default shipped in
 * {@code risk-lists/<language>.json} of this module): the whole list, not a difference. Consumers screen texts with
 * the newest version they hold and ignore older ones.
 * <p>Type {@value #TYPE} on topic {@value ContentTopic#NAME}, keyed by language.
 */
public record RiskListRevised(String language, int version, List<RiskPhrase> phrases, Instant revisedAt) {

    public static final String TYPE = "rekindle.content.RiskListRevised.v1";

    /** Keyed by language, not by the topic's program id: one language's revisions stay in order. */
    public static final String KEY = "language";
}
