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
     * Loading an aggregate with history from the embedded MongoDB-wire server scans its events (the compound index
     * is not used for the sequence range), so hot journals are served from this cache instead of the store.
     */
    @Bean
    Cache journalCache() {
        return new WeakReferenceCache();
    }
}
