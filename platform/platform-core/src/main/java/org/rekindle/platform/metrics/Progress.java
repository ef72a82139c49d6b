package org.rekindle.platform.metrics;

/** How far a processor has got through its source: {@code done} of {@code total} events (or Kafka records). */
record Progress(long done, long total) {
}
