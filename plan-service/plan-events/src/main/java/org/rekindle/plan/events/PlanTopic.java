package org.rekindle.plan.events;

/** The Kafka topic plan-service publishes its integration events to, as CloudEvents 1.0 structured JSON. */
public final class PlanTopic {

    public static final String NAME = "rekindle.plan.v1";

    private PlanTopic() {
    }
}
