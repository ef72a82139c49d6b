package org.rekindle.platform.metrics;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Before a rebuild: a processor whose tokens were stored with another number of segments than it is configured with
 * now ({@code initial-segment-count}, which Axon applies only to a processor with no tokens yet) gets the configured
 * number. Its tokens are replaced by that many, each at the furthest position any of the old ones reached (or was
 * replaying up to), so the reset that follows replays from the start and counts everything up to there as replayed.
 * The processor must be stopped.
 */
final class ConfiguredSegments {

    private ConfiguredSegments() {
    }

    /** True when the segments were replaced. */
    static boolean apply(String processor, int configured, TokenStore tokens, TransactionManager transactions) {
        return transactions.fetchInTransaction(() -> {
            int[] segments = tokens.fetchSegments(processor);
            if (configured < 1 || segments.length == 0 || segments.length == configured) {
                return false;
            }
            TrackingToken furthest = null;
            for (int segment : segments) {
                TrackingToken token = reached(tokens.fetchToken(processor, segment)); // claims it
                furthest = furthest == null ? token : token == null ? furthest : furthest.upperBound(token);
            }
            for (int segment : segments) {
                tokens.deleteToken(processor, segment);
            }
            tokens.initializeTokenSegments(processor, configured, furthest);
            return true;
        });
    }

    /** How far a segment has got, or was to get back to when it is replaying (where its replay ends). */
    private static TrackingToken reached(TrackingToken token) {
        if (token instanceof ReplayToken replay && replay.getTokenAtReset() != null) {
            TrackingToken current = WrappedToken.unwrapUpperBound(replay);
            return current == null ? replay.getTokenAtReset() : replay.getTokenAtReset().upperBound(current);
        }
        return WrappedToken.unwrapUpperBound(token);
    }
}
