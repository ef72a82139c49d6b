package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A rule's question for later ("is the client still inactive on day 5?"), kept in the persisted schedule. A check
 * whose params name another under {@link #SUPERSEDES} replaces it: the older one, not run yet, is cancelled.
 */
public record Check(String key, CheckKind kind, String clientId, Instant dueAt, Map<String, String> params) {

    public static final String SUPERSEDES = "supersedes";

    /** This check, replacing {@code key} (none if null) instead of what it replaced. */
    public Check superseding(String key) {
        Map<String, String> replaced = new HashMap<>(params);
        replaced.remove(SUPERSEDES);
        if (key != null) {
            replaced.put(SUPERSEDES, key);
        }
        return new Check(this.key, kind, clientId, dueAt, Map.copyOf(replaced));
    }

    public enum CheckKind { DAILY_CHECK_IN, STEP_DUE_TOMORROW, NO_CONTACT_MILESTONE, NO_ACTIVITY, STEP_OVERDUE }
}
