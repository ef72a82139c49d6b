package org.rekindle.journal.app.command;

import org.rekindle.journal.app.command.safety.RiskMatcher;
import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.rekindle.journal.app.query.CurrentRiskLists;

/** The screen a fresh journal-service uses: the default English list content-service ships. */
final class DefaultScreen {

    static final SafetyScreen ENGLISH = new RiskMatcher(CurrentRiskLists.bundledDefault("en"))::check;

    private DefaultScreen() {
    }
}
