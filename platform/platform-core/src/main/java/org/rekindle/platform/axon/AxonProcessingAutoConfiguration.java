package org.rekindle.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How every service's event processors run, whatever they read.
 * <p>
 * Processors over the service's own event store use the event store's token store and transaction
 * (platform-eventstore). A processor fed from anywhere else (its {@code axon.eventhandling.processors.<name>.source}
 * is set, e.g. a Kafka source) keeps its token in the service's MongoDB database ({@code rekindle.mongo.database})
 * and runs without a transaction manager: a tracking processor with a real one stores its token <em>before</em>
 * handling a batch (TrackingEventProcessor#storeTokenBeforeProcessing), and MongoDB here has no transaction to roll
 * that back, so a failed batch would be skipped. Without one, the token is stored when the batch commits, after
 * every handler succeeded.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class AxonProcessingAutoConfiguration {

    /**
     * A handler that fails makes its batch fail and the processor retry with back-off, for every processing group.
     * Axon's default logs the error and goes on with the next event, which would silently leave it out of a
     * projection, or out of Kafka for a publisher.
     */
    @Autowired
    void neverSkipFailedEvents(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Autowired
    void tokensOfProcessorsNotFedByTheEventStore(EventProcessingConfigurer configurer,
                                                 EventProcessorProperties processors,
                                                 ObjectProvider<MongoClient> mongoClient, Serializer serializer,
                                                 @Value("${rekindle.mongo.database:}") String database,
                                                 @Value("${rekindle.axon.token-claim-timeout:PT10S}") Duration claimTimeout,
                                                 @Value("${rekindle.axon.node-id:}") String nodeId) {
        Supplier<TokenStore> mongoTokens = memoize(() -> mongoTokenStore(mongoClient.getObject(), database,
                                                                         serializer, claimTimeout, nodeId));
        processors.getProcessors().forEach((name, settings) -> {
            if (settings.getSource() != null && !settings.getSource().isBlank()) {
                configurer.registerTokenStore(name, configuration -> mongoTokens.get());
                configurer.registerTransactionManager(name, configuration -> NoTransactionManager.INSTANCE);
            }
        });
    }

    private static TokenStore mongoTokenStore(MongoClient mongoClient, String database, Serializer serializer,
                                              Duration claimTimeout, String nodeId) {
        if (database.isBlank()) {
            throw new IllegalStateException("A processor fed from outside the event store keeps its token in "
                                            + "MongoDB: set rekindle.mongo.database");
        }
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                                                         .mongoTemplate(DefaultMongoTemplate.builder()
                                                                 .mongoDatabase(mongoClient, database).build())
                                                         .serializer(serializer)
                                                         .claimTimeout(claimTimeout);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
