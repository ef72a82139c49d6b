package org.rekindle.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.embedded.Ports;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local issuer with the standard flows: a person logs in (code + PKCE), a service uses client credentials. */
class IssuerTest {

    private static ConfigurableApplicationContext issuer;
    private static String url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        int port = Ports.freePort();
        url = "http://127.0.0.1:" + port;
        issuer = IssuerApplication.application().run("--server.port=" + port, "--rekindle.issuer.url=" + url);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aClientLogsInWithCodeAndPkceAndGetsTheClaimsServicesAuthorizeWith() throws Exception {
        JsonNode claims = claims(OidcLogin.web(url).accessToken("client-sam", "demo-sam"));
        assertThat(claims.get("iss").asText()).isEqualTo(url);
        assertThat(claims.get("sub").asText()).isEqualTo("client-sam");
        assertThat(claims.get("aud").toString()).contains("rekindle");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"CLIENT\"]");
        assertThat(claims.get("coach").asText()).isEqualTo("coach-maya");
        assertThat(claims.get("practice").asText()).isEqualTo("practice-harbour");
        assertThat(claims.get("exp").asLong()).isGreaterThan(claims.get("iat").asLong());

        JsonNode coach = claims(OidcLogin.web(url).accessToken("coach-maya", "demo-maya"));
        assertThat(coach.get("roles").toString()).isEqualTo("[\"COACH\"]");
        assertThat(coach.has("coach")).isFalse();
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> OidcLogin.web(url).accessToken("client-sam", "guess"))
                .hasMessageContaining("refused the login of client-sam");
        assertThatThrownBy(() -> new OidcLogin(url, "rekindle-web", "http://evil.example/callback")
                .accessToken("client-sam", "demo-sam")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void servicesReadTheDirectoryWithClientCredentialsOnly() throws Exception {
        String service = OidcLogin.clientCredentials(url, "rekindle-services", "demo-services-secret",
                                                     "directory.read");
        HttpResponse<String> sam = get("/api/directory/users/client-sam", service);
        assertThat(sam.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sam.body()).get("coach").asText()).isEqualTo("coach-maya");
        assertThat(sam.body()).doesNotContain("demo-sam");
        assertThat(json.readTree(get("/api/directory/coaches/coach-maya/clients", service).body())
                       .findValuesAsText("id")).containsExactly("client-sam", "client-priya", "client-jordan");

        assertThat(get("/api/directory/users/client-sam", null).statusCode()).isEqualTo(401);
        String person = OidcLogin.web(url).accessToken("coach-maya", "demo-maya");
        assertThat(get("/api/directory/users/client-sam", person).statusCode()).as("a person's token").isEqualTo(403);
        assertThatThrownBy(() -> OidcLogin.clientCredentials(url, "rekindle-services", "wrong", "directory.read"))
                .hasMessageContaining("401");
    }

    @Test
    void discoveryNamesTheIssuerAndItsKeys() throws Exception {
        JsonNode discovery = json.readTree(get("/.well-known/openid-configuration", null).body());
        assertThat(discovery.get("issuer").asText()).isEqualTo(url);
        assertThat(json.readTree(get("/oauth2/jwks", null).body()).get("keys")).hasSize(1);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode claims(String jwt) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
