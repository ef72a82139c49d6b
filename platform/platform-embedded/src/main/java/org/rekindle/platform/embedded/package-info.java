/**
 * In-process infrastructure for the local stack launcher ({@code deploy/local}) and integration tests: a real
 * Apache Kafka broker in KRaft mode ({@link org.rekindle.platform.embedded.EmbeddedKafka}) and the MongoDB
 * wire-protocol server {@code mongo-java-server} ({@link org.rekindle.platform.embedded.EmbeddedMongo}), both on
 * 127.0.0.1, with on-disk persistence across restarts. Never on a production classpath.
 *
 * <p>Logging: library code here never configures logging. A launcher should set the loggers {@code kafka},
 * {@code org.apache.kafka} and {@code state.change.logger} to WARN (Kafka logs hundreds of INFO lines per start),
 * and may set {@code de.bwaldvogel.mongo} to WARN (one INFO line per client connection).
 */
package org.rekindle.platform.embedded;
