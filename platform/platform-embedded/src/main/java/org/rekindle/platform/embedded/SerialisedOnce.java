package org.rekindle.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * H2's {@link ObjectDataType} for the unique indexes' keys, with the same order and the same bytes on disk, computed
 * less often. A {@link KeyValue} is not {@link Comparable}, so H2 orders two keys by their Java-serialised bytes and
 * writes a key as those bytes; stock H2 serialises a key again for every comparison and every page write. Here the
 * bytes of the last {@value #KEPT} key objects are kept by identity (a key object never changes, and the same object
 * always gives the same bytes): the key looked for and the keys of the pages in use are serialised once, keys read
 * from a page keep the bytes they were read from, and serialising builds no new {@code ObjectOutputStream}
 * ({@link ReusedObjectStream}).
 */
final class SerialisedOnce extends ObjectDataType {

    /**
     * Keys whose bytes are kept (about 200 bytes each with the map's share). 4,096 until 7 Dec 2026: with 1,000,000
     * journal events the indexes' pages in use held more keys than that, the map was cleared over and over, and
     * comparing keys (serialising them again, looking them up) was a fifth of the stack's CPU while commands ran
     * (JFR of the write benchmark's 1M stage; 2.5 % at 100k).
     */
    private static final int KEPT = 65_536;
    /** ObjectDataType.TYPE_SERIALIZED_OBJECT (package-private there): the tag before a Java-serialised value. */
    private static final byte SERIALIZED_OBJECT = 19;

    private final Map<Object, byte[]> serialised = new IdentityHashMap<>();
    private final ReusedObjectStream stream = new ReusedObjectStream();

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue && b instanceof KeyValue) {
            return compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof KeyValue) {
            byte[] data = bytes(obj);
            buff.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != SERIALIZED_OBJECT) {
            return super.read(buff);
        }
        buff.get();
        byte[] data = new byte[DataUtils.readVarInt(buff)];
        buff.get(data);
        Object key = deserialize(data);
        if (key instanceof KeyValue) {
            remember(key, data);
        }
        return key;
    }

    private synchronized byte[] bytes(Object key) {
        byte[] bytes = serialised.get(key);
        if (bytes == null) {
            bytes = stream.serialise(key);
            remember(key, bytes);
        }
        return bytes;
    }

    private synchronized void remember(Object key, byte[] bytes) {
        if (serialised.size() >= KEPT) {
            serialised.clear();
        }
        serialised.put(key, bytes);
    }
}
