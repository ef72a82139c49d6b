package org.rekindle.plan.app.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
    private static final String BATCH = DashboardProjection.class.getName() + ".batch";

    private final DashboardStore store;

    DashboardProjection(DashboardStore store) {
        this.store = store;
    }

    /**
     * Folds the event into the batch's pending changes; the batch is written at its last message (or, as a safety
     * net, when the batch's unit of work prepares to commit).
     */
    @EventHandler
    void on(ClientEvent event, UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        DashboardBatch batch = root.getOrComputeResource(BATCH, key -> {
            DashboardBatch created = store.newBatch();
            root.onPrepareCommit(committing -> created.flush());
            return created;
        });
        batch.apply(event);
        if (!(root instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            batch.flush();
        }
    }

    @ResetHandler
    void onReset() {
        store.clear();
    }
}
