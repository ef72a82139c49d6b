package org.rekindle.web.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rekindle.platform.scrape.MetricsScrape;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everyone signs in at the issuer (authorization code + PKCE, public client: the app holds no secret). Tokens stay in
 * the server-side session; the browser only has a session cookie (HttpOnly, SameSite=Lax) and every form carries a
 * CSRF token. Signing out ends the issuer's session too.
 */
@Configuration
class SecurityConfig {

    static final String REGISTRATION = "rekindle";

    /** {@code /actuator/prometheus} only with the scrape credential, as in every service (platform-metrics). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${rekindle.metrics.scrape-password:}") String password)
            throws Exception {
        return MetricsScrape.filterChain(http, password);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, WebProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                    .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/signed-out",
                                     "/actuator/health/**", "/error").permitAll()
                    .anyRequest().authenticated())
            .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION)
                                       .loginProcessingUrl("/login/callback")
                                       .defaultSuccessUrl("/", true))
            .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(endIssuerSession(properties)))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            + "frame-ancestors 'none'; form-action 'self' " + origin(properties.endSessionUri())))
                    // A page's address names a client; it is not sent to other sites.
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")));
        return http.build();
    }

    /** Tokens live in the person's session, so they go with it at sign-out or expiry. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    private static LogoutSuccessHandler endIssuerSession(WebProperties properties) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                                              .replacePath("/signed-out").replaceQuery(null).toUriString();
            UriComponentsBuilder end = UriComponentsBuilder.fromUriString(properties.endSessionUri())
                                                           .queryParam("post_logout_redirect_uri", back)
                                                           .queryParam("client_id", "rekindle-web");
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                end.queryParam("id_token_hint", user.getIdToken().getTokenValue());
            }
            response.sendRedirect(end.encode().toUriString());
        };
    }

    private static String origin(String uri) {
        return UriComponentsBuilder.fromUriString(uri).replacePath(null).replaceQuery(null).toUriString();
    }
}
