package org.rekindle.journal.app.web;

import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a write that creates nothing new (ending a no-contact period): nothing to say (204), unless its text
 * matched the risk list; then 200 with {@code showCrisisResources}, so the writer's page shows crisis resources at
 * once, as after a create ({@link Created}).
 */
record Screened(boolean showCrisisResources) {

    static ResponseEntity<Screened> answer(SafetyScreen screen, String text) {
        return screen.check(text).isPresent() ? ResponseEntity.ok(new Screened(true))
                                              : ResponseEntity.noContent().build();
    }
}
