package org.rekindle.platform.publishing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Registers the settings a publishing processor must have, whatever the service: the acknowledgement interceptor, and errors that fail the batch instead of being
 * logged and skipped (Axon's default listener error handler logs and moves on, which would lose the event).
 * <p>
 * Its mode and batch size come from properties: {@code axon.eventhandling.processors.<group>.mode=tracking},
 * {@code batch-size=100}.
 */
public final class PublishingProcessor {

    private PublishingProcessor() {
    }

    public static void register(EventProcessingConfigurer configurer, String processingGroup,
                                AcknowledgedKafkaPublisher publisher) {
        configurer.registerHandlerInterceptor(processingGroup, configuration -> publisher.awaitAcknowledgements())
                  .registerListenerInvocationErrorHandler(processingGroup,
                                                          configuration -> PropagatingErrorHandler.instance());
    }
}
