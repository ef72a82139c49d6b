package org.rekindle.platform.schedule;

/**
 * Runs work of one kind when it falls due. Work runs at least once: a crash after the handler but before the work
 * is marked done runs it again, so a handler must be idempotent (the command or the notification it causes is
 * deduplicated by the work's key). A thrown exception retries the work later with back-off.
 */
public interface ScheduledWorkHandler {

    /** The one kind of work this handler runs (no two handlers of a process run the same kind). */
    WorkKind kind();

    void run(ScheduledWork work) throws Exception;
}
