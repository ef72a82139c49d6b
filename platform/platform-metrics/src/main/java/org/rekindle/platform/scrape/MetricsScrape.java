package org.rekindle.platform.scrape;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The filter chain of {@code /actuator/prometheus}, the same in every process: only the scrape credential
 * ({@link ScrapeCredential}) opens it, none when no password is set; stateless, no CSRF. Each process registers it
 * first ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}). A refusal is an RFC 9457 problem like every other error, and a
 * 401 asks for HTTP Basic (the scrape credential), not for a person's bearer token.
 */
public final class MetricsScrape {

    public static final String PATH = "/actuator/prometheus";

    private MetricsScrape() {
    }

    public static SecurityFilterChain filterChain(HttpSecurity http, String password) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
            problem(response, 401, "Unauthorized", "The metrics endpoint opens only with the scrape credential "
                                                   + "(HTTP Basic, rekindle.metrics.scrape-password).");
        };
        AccessDeniedHandler denied = (request, response, failure) ->
                problem(response, 403, "Forbidden", "The metrics endpoint opens only with the scrape credential.");
        http.securityMatcher(PATH)
            .authorizeHttpRequests(requests -> {
                if (password.isBlank()) {
                    requests.anyRequest().denyAll();
                } else {
                    requests.anyRequest().hasRole(ScrapeCredential.ROLE);
                }
            })
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable());
        if (!password.isBlank()) {
            http.authenticationManager(ScrapeCredential.authentication(password));
        }
        return http.build();
    }

    /** The details are fixed sentences, so the body is written as is (this module has no JSON mapper of its own). */
    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                                   + ",\"detail\":\"" + detail + "\",\"instance\":\"" + PATH + "\"}");
    }
}
