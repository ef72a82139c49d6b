package org.rekindle.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The collector's stop-the-world pauses in this JVM (the whole stack runs in it), as wall-clock intervals, so a
 * freshness sample can say how much of its time the JVM stood still. Concurrent collector phases are not pauses and
 * are left out.
 */
final class GcPauses implements AutoCloseable {

    private record Pause(long fromMicros, long toMicros) {
    }

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();
    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final NotificationListener listener = (notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!info.getGcName().contains("Concurrent")) {
            long from = (jvmStartMillis + info.getGcInfo().getStartTime()) * 1_000;
            paused(from, from + info.getGcInfo().getDuration() * 1_000);
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
    }

    /** A pause, wall-clock microseconds since the epoch. */
    void paused(long fromMicros, long toMicros) {
        pauses.add(new Pause(fromMicros, toMicros));
    }

    /** Milliseconds of pause between two wall-clock instants (microseconds since the epoch). */
    double pausedMillis(long fromMicros, long toMicros) {
        long paused = 0;
        for (Pause pause : pauses) {
            paused += Math.max(0, Math.min(toMicros, pause.toMicros()) - Math.max(fromMicros, pause.fromMicros()));
        }
        return paused / 1_000.0;
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).removeNotificationListener(listener);
        }
    }
}
