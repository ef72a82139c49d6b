package org.rekindle.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Axon on MongoDB, wired once for every service: there is no axon-mongo Spring Boot autoconfiguration
 * after 4.10, and 4.10's creates a Mongo transaction manager that the embedded MongoDB-wire server rejects.
 * <p>
 * The database is the service's own ({@code rekindle.mongo.database}); no service reads another's.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class,
                   beforeName = {"org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                                 "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonMongoAutoConfiguration {

    /**
     * Tracking processors store their token <em>before</em> handling a batch whenever a real transaction manager
     * is configured (TrackingEventProcessor#storeTokenBeforeProcessing). MongoDB here runs without transactions,
     * so that would let a publisher's token move past events Kafka never acknowledged. With no transaction manager
     * the token is stored when the batch commits, after every handler (and every acknowledgement) succeeded.
     */
    @Bean
    public TransactionManager rekindleNoTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    /**
     * A handler that fails makes its batch fail and the processor retry with back-off, for every processing group.
     * Axon's default logs the error and goes on with the next event, which would silently leave it out of a
     * projection, or out of Kafka for a publisher.
     */
    @Autowired
    void neverSkipFailedEvents(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient mongoClient,
                                           @Value("${rekindle.mongo.database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer) {
        return MongoEventStorageEngine.builder()
                                      .mongoTemplate(axonMongoTemplate)
                                      .eventSerializer(eventSerializer)
                                      .snapshotSerializer(serializer)
                                      .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
                                 @Value("${rekindle.axon.token-claim-timeout:PT10S}") Duration claimTimeout,
                                 @Value("${rekindle.axon.node-id:}") String nodeId) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                                                         .mongoTemplate(axonMongoTemplate)
                                                         .serializer(serializer)
                                                         .claimTimeout(claimTimeout);
        // Who holds a processor's claim; by default the JVM's pid@host. Two instances in one JVM need their own.
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }
}
