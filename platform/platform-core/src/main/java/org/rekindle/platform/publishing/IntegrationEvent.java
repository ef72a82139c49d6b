package org.rekindle.platform.publishing;

/**
 * What a service decided to publish for one domain event: the public record and what it is about.
 *
 * @param type    the CloudEvent type, e.g. {@code rekindle.journal.NoContactBroken.v1}
 * @param subject the id that keys the Kafka record (per-subject order)
 * @param data    the integration event record from the service's {@code *-events} module
 */
public record IntegrationEvent(String type, String subject, Object data) {
}
