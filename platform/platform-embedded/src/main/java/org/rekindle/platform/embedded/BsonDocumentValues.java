package org.rekindle.platform.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The values of a collection's H2 map (its documents) written as BSON, the encoding the wire server already uses to
 * answer clients, instead of H2's default: Java serialisation, with a new {@code ObjectOutputStream} and the class
 * descriptors of every nested map for each document. H2 writes every document of a changed page again when the page
 * is stored, so that cost is paid for the neighbours of each changed document too: profiled at 50 client actions and
 * 50 breaches a second, Java serialisation of documents was about a fifth of the whole stack's allocation.
 * <p>
 * A BSON value starts with a tag H2 never writes; anything else is read as H2 wrote it, so a data file written
 * before keeps its documents and they are written as BSON when their page is next stored. (The stock backend cannot
 * read a BSON value: a data file written here is for this backend.)
 */
final class BsonDocumentValues extends ObjectDataType {

    /** Above every tag of {@link ObjectDataType} (its highest is 119). */
    static final byte BSON_DOCUMENT = 127;
    private static final int REUSED_BUFFER_LIMIT = 1 << 20;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** Bytes a stored document takes in memory, estimated as H2 does for serialised objects: a moving average. */
    private volatile int averageMemory = 1_000;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document)) {
            super.write(buff, obj);
            return;
        }
        ByteBuf encoded = ENCODING.get();
        encoded.clear();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int length = encoded.readableBytes();
            buff.put(BSON_DOCUMENT);
            buff.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), length);
            averageMemory = (int) ((4L * length + 15L * averageMemory) / 16);
        } finally {
            if (encoded.capacity() > REUSED_BUFFER_LIMIT) {
                ENCODING.remove();
            }
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_DOCUMENT) {
            return super.read(buff);
        }
        buff.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + bson.readerIndex());
        return document;
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageMemory : super.getMemory(obj);
    }
}
