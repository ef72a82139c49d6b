package org.rekindle.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * A JWT issuer for service tests: it publishes its public key over HTTP (as the real issuer's /oauth2/jwks) and
 * signs tokens, so the service under test validates them exactly as in production (signature, issuer, expiry,
 * audience). It also answers the directory API as the real issuer does (a client-credentials token for the
 * services, then {@code /api/directory/users/{id}} for the people a test puts in it). The real login flows and
 * directory are tested against the real issuer (deploy/issuer, the local stack).
 */
public final class TestIssuer {

    private static TestIssuer shared;

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final Map<String, Map<String, String>> people = new ConcurrentHashMap<>();
    private final Set<String> directoryTokens = ConcurrentHashMap.newKeySet();

    /** The services' client-credentials client at this issuer, for its directory API (as the real issuer's). */
    public static final String DIRECTORY_CLIENT = "rekindle-services";
    public static final String DIRECTORY_SECRET = "test-services-secret";

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            otherKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.createContext("/oauth2/token", this::directoryToken);
            server.createContext("/api/directory/users/", this::directoryUser);
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestIssuer get() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Puts a person in this issuer's directory, so {@code GET /api/directory/users/{id}} names them as the real
     * issuer's directory does (with a client-credentials token of {@link #DIRECTORY_CLIENT}); anyone else is 404.
     */
    public void person(String id, String name, String pronouns) {
        Map<String, String> person = new java.util.LinkedHashMap<>();
        person.put("id", id);
        person.put("name", name);
        person.put("pronouns", pronouns);
        people.put(id, person);
    }

    public String client(String clientId, String coachId) {
        return token(clientId, List.of("CLIENT"), coachId, url(), "rekindle", Duration.ofMinutes(10), key);
    }

    public String coach(String coachId) {
        return token(coachId, List.of("COACH"), null, url(), "rekindle", Duration.ofMinutes(10), key);
    }

    public String admin(String adminId) {
        return token(adminId, List.of("PRACTICE_ADMIN"), null, url(), "rekindle", Duration.ofMinutes(10), key);
    }

    /** A coach of another practice than the other tokens' {@code practice-test}. */
    public String coach(String coachId, String practice) {
        return token(coachId, List.of("COACH"), null, url(), "rekindle", Duration.ofMinutes(10), key, practice);
    }

    /** A practice admin of another practice than the other tokens' {@code practice-test}. */
    public String admin(String adminId, String practice) {
        return token(adminId, List.of("PRACTICE_ADMIN"), null, url(), "rekindle", Duration.ofMinutes(10), key,
                     practice);
    }

    /** Tokens that must be refused, each for one reason. */
    public String expired(String clientId) {
        return token(clientId, List.of("CLIENT"), null, url(), "rekindle", Duration.ofMinutes(-5), key);
    }

    public String forAnotherAudience(String clientId) {
        return token(clientId, List.of("CLIENT"), null, url(), "somebody-else", Duration.ofMinutes(10), key);
    }

    public String fromAnotherIssuer(String clientId) {
        return token(clientId, List.of("CLIENT"), null, "http://issuer.example", "rekindle", Duration.ofMinutes(10),
                     key);
    }

    public String signedWithAnotherKey(String clientId) {
        return token(clientId, List.of("CLIENT"), null, url(), "rekindle", Duration.ofMinutes(10), otherKey);
    }

    private void directoryToken(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (DIRECTORY_CLIENT + ":" + DIRECTORY_SECRET).getBytes(StandardCharsets.UTF_8));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
            || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = token(DIRECTORY_CLIENT, List.of(), null, url(), "rekindle", Duration.ofMinutes(5), key);
        directoryTokens.add(token);
        answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void directoryUser(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !directoryTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, "{}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/api/directory/users/".length());
        Map<String, String> person = people.get(id);
        if (person == null) {
            answer(exchange, 404, "{}");
            return;
        }
        StringBuilder json = new StringBuilder("{");
        person.forEach((field, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(field)
                .append("\":").append(value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\""));
        answer(exchange, 200, json.append('}').toString());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String token(String subject, List<String> roles, String coach, String issuer, String audience,
                                Duration ttl, RSAKey signingKey) {
        return token(subject, roles, coach, issuer, audience, ttl, signingKey, "practice-test");
    }

    private static String token(String subject, List<String> roles, String coach, String issuer, String audience,
                                Duration ttl, RSAKey signingKey, String practice) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles).claim("practice", practice);
        if (coach != null) {
            claims.claim("coach", coach);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                                                                                   .build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
