package org.rekindle.journal.app.command.safety;

import java.util.Optional;

/**
 * Checks a text for risk language before it is sealed. A match never changes or blocks what is written: the journal
 * records a {@code SafetyConcernRaised} beside it so the coach is alerted.
 */
public interface SafetyScreen {

    /** The most urgent match of the text against every list held (null or blank text matches nothing). */
    Optional<RiskMatch> check(String text);
}
