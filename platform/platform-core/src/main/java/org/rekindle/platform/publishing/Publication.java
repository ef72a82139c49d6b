package org.rekindle.platform.publishing;

/**
 * What a service publishes: its topic (from its {@code *-events} module), the CloudEvents {@code source}, and the
 * processing group of its publishing event handler. Declaring this one bean is all a service does;
 * {@link PublishingAutoConfiguration} creates the topic, the acknowledged publisher and the processor settings.
 */
public record Publication(String topic, String source, String processingGroup) {
}
