package org.rekindle.platform.publishing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes integration events from a tracking processor over the service's own event store, at least once and
 * without ever letting the processor's position pass an event the broker has not acknowledged.
 * <p>
 * Within a batch, sends are pipelined; after the last message of the batch {@link #awaitAcknowledgements()} waits
 * for every acknowledgement. Only then does the batch commit: the processor's token is written in the batch's
 * database transaction (platform-eventstore), so it becomes visible only with an acknowledged batch. If any send fails or
 * times out, the batch fails, the token stays where it was, and the processor retries the whole batch with
 * back-off: consumers may see an event twice (they dedupe on the CloudEvent id), never zero times.
 */
public class AcknowledgedKafkaPublisher {

    private static final String PENDING_SENDS = AcknowledgedKafkaPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, String> kafkaTemplate;
    private final String topic;
    private final String source;
    private final Duration acknowledgementTimeout;

    public AcknowledgedKafkaPublisher(KafkaTemplate<String, String> kafkaTemplate, String topic, String source,
                                      Duration acknowledgementTimeout) {
        this.kafkaTemplate = kafkaTemplate;
        this.topic = topic;
        this.source = source;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** Sends one integration event for the domain event in {@code message}; call from an {@code @EventHandler}. */
    public void publish(EventMessage<?> message, IntegrationEvent event) {
        CloudEvent cloudEvent = CloudEvent.of(message.getIdentifier(), source, event.type(), event.subject(),
                                              message.getTimestamp(), event.data());
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, event.subject(), CloudEventJson.write(cloudEvent));
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        CompletableFuture<SendResult<String, String>> sent = kafkaTemplate.send(record);
        if (CurrentUnitOfWork.isStarted()) {
            pendingSends(CurrentUnitOfWork.get()).add(sent);
        } else {
            await(List.of(sent));
        }
    }

    /** The processor interceptor that waits for the batch's acknowledgements before the batch may commit. */
    public MessageHandlerInterceptor<EventMessage<?>> awaitAcknowledgements() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
            if (lastOfBatch) {
                List<CompletableFuture<SendResult<String, String>>> pending = pendingSends(unitOfWork);
                await(pending);
                pending.clear();
            }
            return result;
        };
    }

    private List<CompletableFuture<SendResult<String, String>>> pendingSends(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(PENDING_SENDS, key -> new ArrayList<>());
    }

    private void await(List<CompletableFuture<SendResult<String, String>>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        kafkaTemplate.flush();
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                             .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException e) {
            throw new PublicationFailedException("Kafka did not acknowledge a record of topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new PublicationFailedException(
                    "no Kafka acknowledgement within " + acknowledgementTimeout + " for topic " + topic, e);
        }
    }
}
