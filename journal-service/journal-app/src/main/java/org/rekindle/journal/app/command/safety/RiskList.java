package org.rekindle.journal.app.command.safety;

import java.util.List;

/** The risk phrases of one language at one version, as content-service published them (or the bundled default). */
public record RiskList(String language, int version, List<RiskPhrase> phrases) {

    public RiskList {
        phrases = List.copyOf(phrases);
    }
}
