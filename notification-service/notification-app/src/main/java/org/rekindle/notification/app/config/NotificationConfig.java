package org.rekindle.notification.app.config;

import com.mongodb.client.MongoClient;
import org.rekindle.notification.app.query.NotificationCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class NotificationConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NotificationCollections notificationCollections(MongoClient mongoClient,
                                                    @Value("${rekindle.mongo.database}") String database) {
        return new NotificationCollections(mongoClient.getDatabase(database));
    }
}
