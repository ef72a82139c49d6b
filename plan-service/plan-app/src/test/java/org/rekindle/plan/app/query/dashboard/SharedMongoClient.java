package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

/** One driver client on the shared MongoDB-wire server for the dashboard's store tests (each uses its own database). */
final class SharedMongoClient {

    private static MongoClient client;

    private SharedMongoClient() {
    }

    static synchronized MongoClient get() {
        if (client == null) {
            client = MongoClients.create(SharedTestInfrastructure.mongo().connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "dashboard-test-mongo-client-close"));
        }
        return client;
    }
}
