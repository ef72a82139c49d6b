package org.rekindle.content.app.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class ContentAxonConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A program with a long editing history loads from its latest snapshot and the events after it. */
    @Bean
    SnapshotTriggerDefinition programSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${rekindle.content.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
