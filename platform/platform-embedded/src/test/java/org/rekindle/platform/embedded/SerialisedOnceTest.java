package org.rekindle.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index keys keep H2's stock bytes and order: files written before stay readable and sorted, and files written now
 * read with stock H2. Each key is checked through one reused stream, after keys of other shapes.
 */
class SerialisedOnceTest {

    private static final String SHARED = "client-7";

    private static List<KeyValue> keys() {
        List<KeyValue> keys = new ArrayList<>();
        keys.add(new KeyValue("sam"));
        keys.add(new KeyValue("sam", 3L));
        keys.add(new KeyValue(SHARED, SHARED)); // the same object twice: written once, then referred to
        keys.add(new KeyValue(7));
        keys.add(new KeyValue(7L, "PENDING", 0));
        keys.add(new KeyValue(2.5, true));
        keys.add(new KeyValue(new Date(1_700_000_000_000L)));
        keys.add(new KeyValue(new ObjectId("65f0a1b2c3d4e5f601234567")));
        keys.add(new KeyValue(new Document("clientId", "sam").append("day", "2026-12-06")));
        keys.add(new KeyValue("émoji ✓ and ünïcode"));
        keys.add(new KeyValue("sam")); // the first shape again, after the others
        return keys;
    }

    @Test
    void aReusedStreamWritesEachObjectAsANewStreamWould() {
        ReusedObjectStream reused = new ReusedObjectStream();
        for (KeyValue key : keys()) {
            assertThat(reused.serialise(key)).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
        }
    }

    @Test
    void keysAreWrittenReadAndOrderedAsStockH2Does() {
        ObjectDataType stock = new ObjectDataType();
        SerialisedOnce ours = new SerialisedOnce();
        List<KeyValue> keys = keys();
        for (KeyValue key : keys) {
            WriteBuffer stockBytes = new WriteBuffer();
            stock.write(stockBytes, key);
            WriteBuffer ourBytes = new WriteBuffer();
            ours.write(ourBytes, key);
            assertThat(bytes(ourBytes)).as("%s", key).isEqualTo(bytes(stockBytes));

            Object readBack = ours.read(ByteBuffer.wrap(bytes(stockBytes)));
            assertThat(readBack).isEqualTo(key);
            WriteBuffer again = new WriteBuffer();
            ours.write(again, readBack);
            assertThat(bytes(again)).as("a key read keeps its bytes").isEqualTo(bytes(stockBytes));
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
