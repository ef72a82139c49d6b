package org.rekindle.journal.app.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class JournalAxonConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotTriggerDefinition journalSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${rekindle.journal.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * A journal that was just written is served from memory instead of its snapshot and tail in PostgreSQL (a long
     * journal's snapshot holds every entry's id and takes milliseconds to read); the garbage collector decides how
     * long.
     */
    @Bean
    Cache journalCache() {
        return new WeakReferenceCache();
    }
}
