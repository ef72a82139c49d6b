package org.rekindle.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for the embedded components; everything listens on 127.0.0.1 only. */
public final class Ports {

    /** 127.0.0.1 exactly (not {@code getLoopbackAddress()}, which may be ::1). */
    static final InetAddress LOOPBACK;

    static {
        try {
            LOOPBACK = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Ports() {
    }

    /**
     * Throws {@link PortInUseException} if 127.0.0.1:port cannot be bound.
     *
     * @param port    the port; 0 (let the system choose) is always free
     * @param what    names the component, e.g. {@code "Kafka broker"}
     * @param setting names how to change the port, e.g. {@code "--rekindle.kafka.port=<port> or env REKINDLE_KAFKA_PORT"}
     */
    public static void requireFree(int port, String what, String setting) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " (" + what + ") is out of range 0..65535. Choose another port with "
                    + setting + ".");
        }
        if (port == 0) {
            return;
        }
        // SO_REUSEADDR as the servers themselves bind (JDK default on Linux/macOS): a port that only has connections in
        // TIME_WAIT is free for them, so it is free here too; a port with a listener (on 127.0.0.1 or the wildcard) is not.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
        } catch (IOException e) {
            throw new PortInUseException(port, what, setting, e);
        }
    }

    /** A port that is free on 127.0.0.1 right now (the system's choice). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
        }
    }
}
