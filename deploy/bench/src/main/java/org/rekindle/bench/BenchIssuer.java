package org.rekindle.bench;

import org.rekindle.issuer.IssuerApplication;
import org.rekindle.platform.embedded.Ports;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The local issuer with a bench directory (one coach and their clients), so every figure includes token checks. */
final class BenchIssuer {

    static final String PASSWORD = "throughput-and-latency"; // meets the issuer's password policy

    private BenchIssuer() {
    }

    static ConfigurableApplicationContext start(Path data, String coach, List<String> clients) throws IOException {
        StringBuilder users = new StringBuilder("[").append(person(coach, "COACH", null));
        clients.forEach(client -> users.append(',').append(person(client, "CLIENT", coach)));
        Path file = data.resolve("bench-users.json");
        Files.writeString(file, users.append(']').toString());
        int port = Ports.freePort();
        return IssuerApplication.application().run("--server.port=" + port, "--server.address=127.0.0.1",
                "--rekindle.issuer.url=http://127.0.0.1:" + port, "--rekindle.issuer.users=file:" + file,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    static String url(ConfigurableApplicationContext issuer) {
        return "http://127.0.0.1:" + issuer.getEnvironment().getProperty("local.server.port");
    }

    private static String person(String id, String role, String coach) {
        return "{\"id\":\"" + id + "\",\"name\":\"Bench\",\"email\":null,\"password\":\"" + PASSWORD
               + "\",\"roles\":[\"" + role + "\"],\"practice\":\"bench\",\"coach\":"
               + (coach == null ? "null" : "\"" + coach + "\"") + "}";
    }
}
