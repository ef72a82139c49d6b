package org.rekindle.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data. Each setting comes from a command-line argument
 * ({@code --rekindle.kafka.port=9093}), else an environment variable ({@code REKINDLE_KAFKA_PORT}), else its default.
 */
record LocalSettings(Path dataDir, int kafkaPort, int mongoPort, int postgresPort, int journalPort, int contentPort, int planPort,
                     int notificationPort, int smtpPort, int inboxPort, int issuerPort, int webPort,
                     boolean seed) {

    static final String KAFKA_PORT = "rekindle.kafka.port";
    static final String MONGO_PORT = "rekindle.mongo.port";
    static final String POSTGRES_PORT = "rekindle.postgres.port";
    static final String JOURNAL_PORT = "rekindle.journal.port";
    static final String CONTENT_PORT = "rekindle.content.port";
    static final String PLAN_PORT = "rekindle.plan.port";
    static final String NOTIFICATION_PORT = "rekindle.notification.port";
    static final String SMTP_PORT = "rekindle.smtp.port";
    static final String INBOX_PORT = "rekindle.inbox.port";
    static final String ISSUER_PORT = "rekindle.issuer.port";
    static final String WEB_PORT = "rekindle.web.port";
    static final String DATA_DIR = "rekindle.data-dir";
    static final String SEED = "rekindle.seed";

    static LocalSettings from(String[] args, Map<String, String> env) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. Settings look like --"
                                                   + KAFKA_PORT + "=9093 (see README).");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new LocalSettings(Path.of(value(given, env, DATA_DIR, ".rekindle-data")).toAbsolutePath(),
                                 port(given, env, KAFKA_PORT, 9092), port(given, env, MONGO_PORT, 27017),
                                 port(given, env, POSTGRES_PORT, 5432),
                                 port(given, env, JOURNAL_PORT, 8081), port(given, env, CONTENT_PORT, 8082),
                                 port(given, env, PLAN_PORT, 8083), port(given, env, NOTIFICATION_PORT, 8084),
                                 port(given, env, SMTP_PORT, 1025), port(given, env, INBOX_PORT, 8025),
                                 port(given, env, ISSUER_PORT, 9000), port(given, env, WEB_PORT, 8080),
                                 Boolean.parseBoolean(value(given, env, SEED, "true")));
    }

    /** How a person changes a setting, for error messages. */
    static String howToChange(String setting) {
        return "--" + setting + "=<port> or env " + envName(setting);
    }

    private static int port(Map<String, String> given, Map<String, String> env, String name, int fallback) {
        String raw = value(given, env, name, String.valueOf(fallback));
        try {
            int port = Integer.parseInt(raw);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + raw + "'.");
        }
    }

    private static String value(Map<String, String> given, Map<String, String> env, String name, String fallback) {
        if (given.containsKey(name)) {
            return given.get(name);
        }
        return env.getOrDefault(envName(name), fallback);
    }

    private static String envName(String setting) {
        return setting.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
