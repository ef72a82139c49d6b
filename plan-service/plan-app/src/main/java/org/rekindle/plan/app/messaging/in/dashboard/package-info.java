/** Kafka → the coach dashboard: the journal and plan topics as the source of the {@code coach-dashboard} processor. */
package org.rekindle.plan.app.messaging.in.dashboard;
