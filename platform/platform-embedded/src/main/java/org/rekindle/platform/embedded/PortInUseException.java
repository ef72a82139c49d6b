package org.rekindle.platform.embedded;

/**
 * A port that an embedded component needs cannot be bound on 127.0.0.1, normally because something
 * else already listens on it. The message names the port, the component and how to choose another port,
 * so a launcher can print it as is.
 */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(int port, String what, String setting) {
        this(port, what, setting, null);
    }

    PortInUseException(int port, String what, String setting, Throwable cause) {
        super(message(port, what, setting, cause), cause);
        this.port = port;
    }

    /** The port that could not be bound. */
    public int port() {
        return port;
    }

    private static String message(int port, String what, String setting, Throwable cause) {
        String reason = cause == null ? null : cause.getMessage();
        if (reason == null || reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return "Port " + port + " (" + what + ") is already in use. Stop what uses it or choose another port with "
                    + setting + ".";
        }
        // e.g. "Permission denied" for a privileged port: "already in use" would send people looking for the wrong thing
        return "Port " + port + " (" + what + ") cannot be bound on 127.0.0.1 (" + reason
                + "). Choose another port with " + setting + ".";
    }
}
