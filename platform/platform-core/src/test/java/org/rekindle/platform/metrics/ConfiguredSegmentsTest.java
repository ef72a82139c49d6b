package org.rekindle.platform.metrics;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfiguredSegmentsTest {

    private static final String PROCESSOR = "coach-dashboard";

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();

    @Test
    void tokensOfAnotherSegmentCountBecomeTheConfiguredNumberAtTheFurthestPositionHeld() {
        tokens.initializeTokenSegments(PROCESSOR, 2);
        tokens.storeToken(new GlobalSequenceTrackingToken(5), PROCESSOR, 0);
        tokens.storeToken(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9),
                                                        new GlobalSequenceTrackingToken(3)), PROCESSOR, 1);

        assertThat(ConfiguredSegments.apply(PROCESSOR, 4, tokens, NoTransactionManager.instance())).isTrue();

        assertThat(tokens.fetchSegments(PROCESSOR)).containsExactly(0, 1, 2, 3);
        for (int segment = 0; segment < 4; segment++) {
            assertThat(tokens.fetchToken(PROCESSOR, segment)).isEqualTo(new GlobalSequenceTrackingToken(9));
        }
    }

    @Test
    void theConfiguredCountOrNoTokensYetChangeNothing() {
        assertThat(ConfiguredSegments.apply(PROCESSOR, 2, tokens, NoTransactionManager.instance())).isFalse();
        assertThat(tokens.fetchSegments(PROCESSOR)).isEmpty();

        tokens.initializeTokenSegments(PROCESSOR, 2);
        tokens.storeToken(new GlobalSequenceTrackingToken(5), PROCESSOR, 1);
        assertThat(ConfiguredSegments.apply(PROCESSOR, 2, tokens, NoTransactionManager.instance())).isFalse();
        assertThat(tokens.fetchToken(PROCESSOR, 1)).isEqualTo(new GlobalSequenceTrackingToken(5));
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isNull();
    }

    @Test
    void segmentsThatHaveReadNothingYetStartFromTheBeginning() {
        tokens.initializeTokenSegments(PROCESSOR, 1);

        assertThat(ConfiguredSegments.apply(PROCESSOR, 2, tokens, NoTransactionManager.instance())).isTrue();

        assertThat(tokens.fetchSegments(PROCESSOR)).containsExactly(0, 1);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isNull();
        assertThat(tokens.fetchToken(PROCESSOR, 1)).isNull();
    }
}
