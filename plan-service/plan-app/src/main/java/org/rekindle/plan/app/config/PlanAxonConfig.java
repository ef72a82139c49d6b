package org.rekindle.plan.app.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class PlanAxonConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A plan accumulates an event per journal activity that counts; long plans load from a snapshot. */
    @Bean
    SnapshotTriggerDefinition planSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${rekindle.plan.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
