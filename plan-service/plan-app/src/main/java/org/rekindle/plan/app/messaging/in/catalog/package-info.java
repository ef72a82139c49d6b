/** Kafka → the catalog: content-service's program versions that a coach may assign. */
package org.rekindle.plan.app.messaging.in.catalog;
