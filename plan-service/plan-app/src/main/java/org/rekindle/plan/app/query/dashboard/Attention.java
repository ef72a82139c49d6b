package org.rekindle.plan.app.query.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much a client needs their coach now, and why, in words a coach reads at a glance. The dashboard sorts by
 * {@link Level}: contact broken before a falling mood, before a client gone quiet, before steps waiting. Every reason
 * is read only from what the client's consent lets the coach see.
 */
public final class Attention {

    /** From most to least urgent; CALM means nothing needs the coach. */
    public enum Level {
        CONTACT_BROKEN, MOOD_FALLING, GONE_QUIET, STEPS_WAITING, CALM
    }

    /** One reason, with the level it raises the client to. */
    record Reason(Level level, String words) {
    }

    private final List<Reason> reasons = new ArrayList<>();

    void add(Level level, String words) {
        reasons.add(new Reason(level, words));
    }

    Level level() {
        return reasons.stream().map(Reason::level).min(Comparator.naturalOrder()).orElse(Level.CALM);
    }

    /** The reasons, most urgent first. */
    List<String> words() {
        return reasons.stream().sorted(Comparator.comparing(Reason::level)).map(Reason::words).toList();
    }
}
