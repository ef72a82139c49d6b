package org.rekindle.plan.app.command.api;

/** Who completed a step: the client's own journal activity, or the coach by hand. */
public enum CompletedBy {
    JOURNAL, COACH
}
