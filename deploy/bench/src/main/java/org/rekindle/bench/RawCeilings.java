package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/** The raw rates of the same broker and store, measured in the same run: what no service can beat. */
final class RawCeilings {

    private RawCeilings() {
    }

    /** Records/s of a plain producer with acks=all, idempotent, the platform's producer settings. */
    static double kafkaProduce(String bootstrap, String topic, int records, String payload) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            Future<?> last = null;
            for (int i = 0; i < records; i++) {
                last = producer.send(new ProducerRecord<>(topic, "client-" + (i % 50), payload));
            }
            last.get();
            return records / seconds(start);
        }
    }

    /** Records/s of a plain consumer reading the topic from the beginning. */
    static double kafkaConsume(String bootstrap, String topic, int records) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            int read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / seconds(start);
        }
    }

    /** Documents/s of the driver's insertOne, one at a time, on the same store. */
    static double mongoInsertOne(String connection, int documents, String payload) {
        try (MongoClient client = MongoClients.create(connection)) {
            MongoCollection<Document> raw = client.getDatabase("bench-raw").getCollection("raw-" + UUID.randomUUID());
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                raw.insertOne(new Document("_id", "doc-" + i).append("clientId", "client-" + (i % 50))
                                                          .append("payload", payload));
            }
            return documents / seconds(start);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
