package org.rekindle.plan.app.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The coach dashboard: an Axon projection fed from Kafka (journal and plan topics) by a tracking processor whose
 * token lives in MongoDB; resetting it replays both topics from the start.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
class DashboardProjection {

    static final String PROCESSING_GROUP = "coach-dashboard";

    private final DashboardStore store;

    DashboardProjection(DashboardStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ClientEvent event) {
        store.apply(event);
    }

    @ResetHandler
    void onReset() {
        store.clear();
    }
}
