package org.rekindle.platform.scrape;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The filter chain of {@code /actuator/prometheus}, the same in every process: only the scrape credential
 * ({@link ScrapeCredential}) opens it, none when no password is set; stateless, no CSRF. Each process registers it
 * first ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}), answering refusals its own way (the services with problems).
 */
public final class MetricsScrape {

    public static final String PATH = "/actuator/prometheus";

    private MetricsScrape() {
    }

    public static SecurityFilterChain filterChain(HttpSecurity http, String password,
                                                  AuthenticationEntryPoint unauthenticated,
                                                  AccessDeniedHandler denied) throws Exception {
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
}
