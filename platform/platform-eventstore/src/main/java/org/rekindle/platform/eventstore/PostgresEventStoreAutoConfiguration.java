package org.rekindle.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The service's Axon event store on PostgreSQL, wired once for every event-sourced service: domain events and
 * snapshots in {@code domain_event_entry} / {@code snapshot_event_entry}, the tokens of the processors that read
 * them in {@code token_entry} of the same database, the schema created by Flyway ({@code db/eventstore}).
 * <p>
 * One Spring transaction covers a command's events, and a tracking processor's token together with its batch: the
 * processor stores its token at the start of the batch's transaction, so a batch that fails (a Kafka send never
 * acknowledged, a read-model write refused) rolls the token back with it and is retried from the same position.
 * Processors fed from Kafka keep their tokens in MongoDB and run without this transaction manager (platform-core).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                            FlywayAutoConfiguration.class},
                   before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class},
                   beforeName = {"org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                                 "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration"})
@EnableConfigurationProperties(EventStoreProperties.class)
public class PostgresEventStoreAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/eventstore";

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** The connection of the Spring transaction in progress, so events and tokens commit together. */
    @Bean
    public ConnectionProvider eventStoreConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(ConnectionProvider eventStoreConnectionProvider,
                                                 TransactionManager axonTransactionManager,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer, EventStoreProperties settings) {
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(eventStoreConnectionProvider)
                                     .transactionManager(axonTransactionManager)
                                     .persistenceExceptionResolver(new PostgresDuplicateKeys())
                                     .eventSerializer(eventSerializer)
                                     .snapshotSerializer(serializer)
                                     .schema(EventStoreTables.events())
                                     .dataType(byte[].class)
                                     .batchSize(settings.fetchBatchSize())
                                     .gapTimeout(settings.gapTimeoutMillis())
                                     .maxGapOffset(settings.maxGapOffset())
                                     .gapCleaningThreshold(settings.gapCleaningThreshold())
                                     .build();
    }

    /** Axon's event store as its auto-configuration makes it, with tracking streams woken by commits. */
    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, Configuration configuration,
                                         EventStoreProperties settings) {
        return new PromptEventStore(EmbeddedEventStore.builder()
                                                      .storageEngine(eventStorageEngine)
                                                      .cachedEvents(settings.cachedEvents())
                                                      .messageMonitor(configuration.messageMonitor(EventStore.class,
                                                                                                   "eventStore"))
                                                      .spanFactory(configuration.getComponent(EventBusSpanFactory.class)),
                                    settings.waitSlice());
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider eventStoreConnectionProvider, Serializer serializer,
                                 EventStoreProperties settings) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                                                       .connectionProvider(eventStoreConnectionProvider)
                                                       .serializer(serializer)
                                                       .schema(EventStoreTables.tokens())
                                                       .contentType(byte[].class)
                                                       .claimTimeout(settings.tokenClaimTimeout());
        // Who holds a processor's claim; by default the JVM's pid@host. Two instances in one JVM need their own.
        if (!settings.nodeId().isBlank()) {
            builder.nodeId(settings.nodeId());
        }
        return builder.build();
    }

    /** Takes the data source so that it is closed after this thread: a snapshot being written may finish. */
    @Bean
    public SnapshotThread snapshotThread(DataSource dataSource) {
        return new SnapshotThread();
    }

    /** Axon's snapshotter as Axon's auto-configuration makes it, but taking snapshots on {@link SnapshotThread}. */
    @Bean
    @ConditionalOnMissingBean(Snapshotter.class)
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager axonTransactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           SnapshotThread snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                                         .repositoryProvider(configuration::repository)
                                         .transactionManager(axonTransactionManager)
                                         .eventStore(eventStore)
                                         .parameterResolverFactory(parameterResolverFactory)
                                         .handlerDefinition(handlerDefinition)
                                         .spanFactory(spanFactory)
                                         .executor(snapshotThread::execute)
                                         .build();
    }

    /** The event store's tables come with the platform; a service may add its own migrations beside them. */
    @Bean
    public FlywayConfigurationCustomizer eventStoreMigrations() {
        return configuration -> {
            String[] locations = java.util.Arrays.stream(configuration.getLocations())
                                                 .map(Object::toString).toArray(String[]::new);
            String[] all = java.util.Arrays.copyOf(locations, locations.length + 1);
            all[locations.length] = MIGRATIONS;
            configuration.locations(all);
        };
    }
}
