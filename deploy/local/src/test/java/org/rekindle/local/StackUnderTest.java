package org.rekindle.local;

import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.testing.Http;

import java.nio.file.Path;
import java.util.Map;

/** The whole local stack on free ports in a fresh data folder, for journeys across services. */
final class StackUnderTest {

    private StackUnderTest() {
    }

    /** Without the demo seed. */
    static LocalSettings settings(Path dataDir) {
        return LocalSettings.from(args(dataDir, "--rekindle.seed=false"), Map.of());
    }

    /** With the demo practice, as the README's first command starts it. */
    static LocalSettings seeded(Path dataDir) {
        return LocalSettings.from(args(dataDir, "--rekindle.seed=true"), Map.of());
    }

    private static String[] args(Path dataDir, String seed) {
        return new String[]{
                "--rekindle.data-dir=" + dataDir, "--rekindle.kafka.port=" + Ports.freePort(),
                "--rekindle.mongo.port=" + Ports.freePort(), "--rekindle.journal.port=" + Ports.freePort(),
                "--rekindle.content.port=" + Ports.freePort(), "--rekindle.plan.port=" + Ports.freePort(),
                "--rekindle.notification.port=" + Ports.freePort(), "--rekindle.smtp.port=" + Ports.freePort(),
                "--rekindle.inbox.port=" + Ports.freePort(), "--rekindle.issuer.port=" + Ports.freePort(),
                "--rekindle.web.port=" + Ports.freePort(), seed};
    }

    static Http http(String baseUrl) {
        return new Http(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)));
    }

    static String bootstrap(LocalSettings settings) {
        return "127.0.0.1:" + settings.kafkaPort();
    }
}
