package org.rekindle.platform.messaging;

import org.junit.jupiter.api.Test;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer re-validates every record, whoever produced it; what fails is unreadable (dead-letter, no retry). */
class IncomingCloudEventTest {

    record Breach(String clientId, String breachId, String note, Instant occurredAt) {
    }

    private static String record(String id, String type, String subject, Object data) {
        return CloudEventJson.write(CloudEvent.of(id, "/test", type, subject, Instant.EPOCH, data));
    }

    private static final String TYPE = "rekindle.journal.NoContactBroken.v1";

    @Test
    void aWellFormedRecordIsRead() {
        Breach breach = IncomingCloudEvent.parse(record("e-1", TYPE, "client-sam",
                new Breach("client-sam", "b1", "short", Instant.EPOCH))).data(Breach.class);
        assertThat(breach.breachId()).isEqualTo("b1");
    }

    @Test
    void malformedEnvelopesAreUnreadable() {
        Breach ok = new Breach("client-sam", "b1", null, Instant.EPOCH);
        assertThatThrownBy(() -> IncomingCloudEvent.parse("{not json")).isInstanceOf(UnreadableRecordException.class);
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e 1", TYPE, "client-sam", ok)))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e-1", "evil.type", "client-sam", ok)))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e-1", TYPE, "{\"$gt\":\"\"}", ok)))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> IncomingCloudEvent.parse("x".repeat(IncomingCloudEvent.MAX_RECORD_CHARS + 1)))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("larger");
    }

    @Test
    void dataMustBelongToTheSubjectAndStayBounded() {
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e-1", TYPE, "client-sam",
                new Breach("client-priya", "b1", null, Instant.EPOCH))).data(Breach.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("must be the subject");
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e-1", TYPE, "client-sam",
                new Breach("client-sam", "b/1", null, Instant.EPOCH))).data(Breach.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("breachId");
        assertThatThrownBy(() -> IncomingCloudEvent.parse(record("e-1", TYPE, "client-sam",
                new Breach("client-sam", "b1", "x".repeat(20_001), Instant.EPOCH))).data(Breach.class))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("longer");
    }
}
