package org.rekindle.platform.embedded;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a person in at an OIDC issuer the way a browser does: authorization code with PKCE, through the issuer's own
 * login form. The demo seed and the tests use it, so they hold the same tokens a user would.
 */
public final class OidcLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final String issuer;
    private final String clientId;
    private final String redirectUri;

    public OidcLogin(String issuer, String clientId, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The demo stack's browser client and loopback callback. */
    public static OidcLogin web(String issuer) {
        return new OidcLogin(issuer, "rekindle-web", "http://127.0.0.1/callback");
    }

    /** An access token for the person, or an exception saying which step refused. */
    public String accessToken(String username, String password) {
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                           .followRedirects(HttpClient.Redirect.NEVER)
                                           .connectTimeout(Duration.ofSeconds(5)).build();
            String verifier = random();
            String state = random();
            String authorize = issuer + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                               + "&redirect_uri=" + enc(redirectUri) + "&scope=openid%20profile&state=" + state
                               + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
            expectRedirect(browser.send(get(authorize), HttpResponse.BodyHandlers.discarding()), "authorize");
            String form = browser.send(get(issuer + "/login"), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("the issuer's login page has no CSRF token");
            }
            HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                                              + enc(password) + "&_csrf=" + enc(csrf.group(1))))
                    .build(), HttpResponse.BodyHandlers.discarding());
            String next = expectRedirect(login, "login");
            if (next.contains("error")) {
                throw new IllegalStateException("the issuer refused the login of " + username);
            }
            String callback = expectRedirect(browser.send(get(absolute(next)), HttpResponse.BodyHandlers.discarding()),
                                             "consent");
            Matcher code = CODE.matcher(callback);
            if (!callback.startsWith(redirectUri) || !code.find() || !callback.contains("state=" + state)) {
                throw new IllegalStateException("no authorization code in the redirect to " + callback);
            }
            HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                            + "&redirect_uri=" + enc(redirectUri) + "&client_id=" + enc(clientId)
                            + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
            return accessTokenIn(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the issuer at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A service token (client credentials) with the given scope. */
    public static String clientCredentials(String issuer, String clientId, String secret, String scope) {
        try {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret)
                                                                      .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(issuer + "/oauth2/token")).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + enc(scope)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return accessTokenIn(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the issuer at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String accessTokenIn(HttpResponse<String> response) {
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("the token endpoint answered " + response.statusCode() + ": "
                                            + response.body());
        }
        return token.group(1);
    }

    private String absolute(String location) {
        return location.startsWith("http") ? location : issuer + location;
    }

    private static String expectRedirect(HttpResponse<?> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("the " + step + " step answered " + response.statusCode()
                                            + " instead of a redirect");
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
