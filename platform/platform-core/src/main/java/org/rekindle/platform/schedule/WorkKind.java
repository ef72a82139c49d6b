package org.rekindle.platform.schedule;

/**
 * A kind of scheduled work, as a type rather than a bare string. A service declares its kinds once, as an enum in its
 * core (e.g. notification-service's {@code NotificationWork}); code that schedules work names a constant, and the
 * {@link ScheduledWorkHandler} that runs that kind returns the same constant from {@link ScheduledWorkHandler#kind()},
 * so "who handles this work" is one "find usages" away. The runner finds a piece of work's handler by its kind.
 */
public interface WorkKind {

    /**
     * The name work of this kind is stored under ({@code kind} in {@code scheduled_work}). Work already stored is read
     * back by it, so it never changes once work of this kind may have been stored.
     */
    String storedName();
}
