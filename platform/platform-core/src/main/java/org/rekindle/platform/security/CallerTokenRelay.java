package org.rekindle.platform.security;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.io.IOException;

/**
 * Forwards the caller's own bearer token when a service asks another Rekindle service something on the caller's
 * behalf, so the other service decides access for the same person from the same token. Identity is never restated
 * in the request; a call without a caller token is refused here rather than sent anonymously.
 */
public final class CallerTokenRelay implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("No caller token to relay to " + request.getURI().getHost());
        }
        request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
        return execution.execute(request, body);
    }
}
