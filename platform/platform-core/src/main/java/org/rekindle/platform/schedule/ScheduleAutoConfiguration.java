package org.rekindle.platform.schedule;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A persisted work schedule in the service's own database ({@code rekindle.mongo.database}; collections
 * {@code scheduled_work} and {@code scheduled_work_finished}), and a runner for it once the service declares at least
 * one {@link ScheduledWorkHandler}.
 */
@AutoConfiguration
@ConditionalOnProperty("rekindle.mongo.database")
public class ScheduleAutoConfiguration {

    @Bean
    public WorkSchedule workSchedule(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database,
                                     @Value("${rekindle.schedule.collection:scheduled_work}") String collection) {
        var db = mongoClient.getDatabase(database);
        return new WorkSchedule(db.getCollection(collection), db.getCollection(collection + "_finished"));
    }

    @Bean
    @ConditionalOnBean(ScheduledWorkHandler.class)
    public ScheduleRunner scheduleRunner(WorkSchedule schedule, List<ScheduledWorkHandler> handlers,
                                         ObjectProvider<Clock> clock,
                                         @Value("${rekindle.schedule.poll-interval:PT1S}") Duration pollInterval,
                                         @Value("${rekindle.schedule.lease:PT1M}") Duration lease,
                                         @Value("${rekindle.schedule.max-attempts:8}") int maxAttempts,
                                         @Value("${rekindle.schedule.workers:1}") int workers) {
        return new ScheduleRunner(schedule, handlers, clock.getIfAvailable(Clock::systemUTC), pollInterval, lease,
                                  maxAttempts, workers);
    }
}
