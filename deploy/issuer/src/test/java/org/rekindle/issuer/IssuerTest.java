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

    /**
     * Five wrong passwords lock the account for the lockout window: even the right password is then refused, and
     * the answer (429) says until when. Another account from the same address is not locked by it (the address
     * limit is higher).
     */
    @Test
    void repeatedFailedSignInsLockTheAccountForAWhileAndSaySo() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(formSignIn("client-priya", "guess-" + i)).as("Rekindle's own sign-in page says so in words")
                    .contains("<title>Sign in · Rekindle</title>", "That id and password do not match");
        }
        assertThat(formSignIn("client-priya", "guess-5")).as("the fifth failure says the account is paused")
                .contains("Too many failed sign-ins for this account");
        String locked = formSignIn("client-priya", "demo-priya");
        assertThat(locked).contains("Too many failed sign-ins for this account. Try again after")
                          .containsPattern("\\d\\d:\\d\\d UTC");
        assertThat(formSignIn("coach-leo", "demo-leo")).as("another account").doesNotContain("Too many");
    }

    /** Signs in with the issuer's form; returns the page the browser ends on (the form again, with any error). */
    private String formSignIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                                       .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                                   HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                                                              .matcher(form);
        assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
        String body = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
        return browser.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sign-in session lives in a cookie only: no ";jsessionid=" in the redirect to the sign-in page. */
    @Test
    void theSessionIsNeverInAUrl() throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?response_type=code&client_id=rekindle-web&scope=openid"
                                             + "&redirect_uri=http://127.0.0.1/callback&code_challenge="
                                             + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                                             + "&code_challenge_method=S256", null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/login").doesNotContainIgnoringCase("jsessionid"));
        assertThat(authorize.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly"));
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
