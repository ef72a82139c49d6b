package org.rekindle.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the event store and of the token store beside it.
 *
 * @param fetchBatchSize       events read per query by a tracking processor or an aggregate load
 * @param gapTimeoutMillis     how long a gap in the global index (a transaction still writing, or one rolled back)
 *                             is waited for before a tracking processor gives up on it; concurrent writers make
 *                             gaps, so a processor must keep looking for them, and a rolled-back insert leaves one
 *                             for ever
 * @param maxGapOffset         how far behind the newest event a gap is still tracked
 * @param gapCleaningThreshold gaps kept in a token before those timed out are cleaned
 * @param cachedEvents         recent events the store keeps for the tracking processors that follow its head. A
 *                             processor that has read on its own (after a restart, or behind) joins them only where
 *                             its token equals a cached event's, and tokens carry their gaps: a processor whose gaps
 *                             differ from the cache's (another processor's view, a rolled-back insert) searches the
 *                             whole cache on every wait (every {@code waitSlice}) until they agree. On
 *                             the write benchmark's 1M stage, right after catching up, that search was 19 % of the
 *                             stack's CPU with 10,000 cached (Axon's default), gone after the next 30,000 events; a
 *                             live processor reads a few events behind the head
 * @param waitSlice            how often a tracking processor with nothing to do looks for events another instance
 *                             committed ({@code PromptEventStore}: this instance's commits wake it at once)
 * @param tokenClaimTimeout    after this long without an update, another instance may take a processor's claim
 * @param nodeId               the claim owner's name; empty = the JVM's pid@host
 */
@ConfigurationProperties("rekindle.axon")
public record EventStoreProperties(@DefaultValue("100") int fetchBatchSize,
                                   @DefaultValue("60000") int gapTimeoutMillis,
                                   @DefaultValue("10000") int maxGapOffset,
                                   @DefaultValue("250") int gapCleaningThreshold,
                                   @DefaultValue("1000") int cachedEvents,
                                   @DefaultValue("10ms") Duration waitSlice,
                                   @DefaultValue("PT10S") Duration tokenClaimTimeout,
                                   @DefaultValue("") String nodeId) {
}
