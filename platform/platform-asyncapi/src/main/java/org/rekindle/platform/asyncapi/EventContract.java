package org.rekindle.platform.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@code *-events} module declares, read by reflection so the contract stays JDK-only: its
 * {@code *EventTypes.all()} (CloudEvents type to record), its {@code *Topic.NAME} and {@code *Topic.KEY} (the record
 * field whose value keys the Kafka record and is the CloudEvent {@code subject}; a record that declares its own static
 * {@code KEY} is keyed by that field instead, e.g. content's risk lists by language), and the golden JSON example of
 * each type ({@code /golden/<Name>.v<n>.json} on its classpath).
 *
 * @param service the publishing service, e.g. {@code journal-service} (its {@code spring.application.name})
 * @param types   CloudEvents type to record class, sorted by type
 */
public record EventContract(String service, String topic, String key, Map<String, Class<? extends Record>> types,
                            ClassLoader classLoader) {

    @SuppressWarnings("unchecked")
    public static EventContract load(String service, String typesClass, String topicClass, ClassLoader classLoader) {
        try {
            Class<?> types = Class.forName(typesClass, true, classLoader);
            Class<?> topic = Class.forName(topicClass, true, classLoader);
            Map<String, Class<? extends Record>> all =
                    (Map<String, Class<? extends Record>>) types.getMethod("all").invoke(null);
            return new EventContract(service, (String) topic.getField("NAME").get(null),
                                     (String) topic.getField("KEY").get(null), new TreeMap<>(all), classLoader);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not an events contract: " + typesClass + " with " + topicClass
                                               + " (needs static all(), NAME and KEY)", e);
        }
    }

    /** The field keying records of this type: the record's own static {@code KEY}, else the topic's. */
    public String keyOf(String type) {
        Class<? extends Record> record = types.get(type);
        try {
            return record == null ? key : (String) record.getField("KEY").get(null);
        } catch (NoSuchFieldException e) {
            return key;
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(record + "'s KEY is not public", e);
        }
    }

    /** {@code rekindle.journal.NoContactBroken.v1} is {@code NoContactBroken.v1}: the golden file's and message's name. */
    public static String shortName(String type) {
        int version = type.lastIndexOf('.');
        return type.substring(type.lastIndexOf('.', version - 1) + 1);
    }

    /** The golden CloudEvent of {@code type}, if the contract ships one. */
    public Optional<String> golden(String type) {
        try (InputStream in = classLoader.getResourceAsStream("golden/" + shortName(type) + ".json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
