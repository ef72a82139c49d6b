package org.rekindle.plan.app.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.rekindle.platform.axon.ProcessorBatch;
import org.springframework.stereotype.Component;

/**
 * The coach dashboard: an Axon projection fed from Kafka (journal and plan topics) by a tracking processor whose
 * token lives in MongoDB; resetting it replays both topics from the start.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
class DashboardProjection {

    static final String PROCESSING_GROUP = "coach-dashboard";
    private static final String BATCH = DashboardProjection.class.getName() + ".batch";

    private final DashboardStore store;

    DashboardProjection(DashboardStore store) {
        this.store = store;
    }

    /** Folds the event into the batch's pending changes, written together at the batch's end ({@link ProcessorBatch}). */
    @EventHandler
    void on(ClientEvent event) {
        ProcessorBatch.add(BATCH, store::newBatch, batch -> batch.apply(event));
    }

    @ResetHandler
    void onReset() {
        store.clear();
    }
}
