package org.rekindle.plan.app.query;

/** The processing group that builds plan-service's plan read model from its event store. */
public final class PlanReadModel {

    public static final String PROCESSING_GROUP = "plan-read-model";

    private PlanReadModel() {
    }
}
