package org.rekindle.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Arrays;

/**
 * Java serialisation of one object at a time, byte for byte what a new {@link ObjectOutputStream} writes for it
 * (stream header, then the object), without building a new stream each time: building one was a third of the CPU of
 * H2's page writes. Between objects the stream is reset, so it forgets the objects and classes written before and
 * writes each one whole, as a new stream would; the reset marker it writes is left out. Not thread-safe.
 */
final class ReusedObjectStream {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private ObjectOutputStream stream;
    private byte[] header;

    byte[] serialise(Object object) {
        try {
            if (stream == null) {
                buffer.reset();
                stream = new ObjectOutputStream(buffer);
                stream.flush();
                header = buffer.toByteArray();
            }
            buffer.reset();
            stream.reset();
            stream.writeObject(object);
            stream.flush();
        } catch (IOException | RuntimeException e) {
            stream = null; // half-written: the next object starts on a new stream
            throw new IllegalArgumentException("Could not serialize " + object, e);
        }
        byte[] written = buffer.toByteArray(); // the reset marker, then the object
        byte[] bytes = Arrays.copyOf(header, header.length + written.length - 1);
        System.arraycopy(written, 1, bytes, header.length, written.length - 1);
        return bytes;
    }
}
