package org.rekindle.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.rekindle.platform.scrape.MetricsScrape;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.rekindle.platform.web.AsyncApiRoute;

import java.util.List;

/**
 * Every service is an OAuth2 resource server: a bearer JWT from the configured issuer is required on every API
 * path, checked for signature (the issuer's published keys), issuer, expiry and audience. The token's
 * {@code roles} claim becomes {@code ROLE_*} authorities; object-level decisions are the services' own policy
 * beans, called from method security. Health probes and the API docs (OpenAPI and AsyncAPI) stay open;
 * the Prometheus endpoint takes the scrape credential instead ({@link MetricsScrape}).
 */
@AutoConfiguration(before = org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    /** {@code /actuator/prometheus} only with the scrape credential ({@link MetricsScrape}), before any JWT check. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityFilterChain metricsScrape(HttpSecurity http,
                                             @Value("${rekindle.metrics.scrape-password:}") String password)
            throws Exception {
        return MetricsScrape.filterChain(http, password);
    }

    @Bean
    public SecurityFilterChain resourceServer(HttpSecurity http, ObjectMapper json) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                    .requestMatchers("/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                     AsyncApiRoute.PATH)
                    .permitAll()
                    .anyRequest().authenticated())
            .oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(json))
                    .accessDeniedHandler(ProblemResponses.denied(json)))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthenticated(json))
                                               .accessDeniedHandler(ProblemResponses.denied(json)))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    public RequestRejectedHandler problemForRejectedUrls(ObjectMapper json) {
        return ProblemResponses.rejected(json);
    }

    /** Every endpoint's {@code @PreAuthorize} is decided from the URL before its body is read or validated. */
    @Bean
    public WebMvcConfigurer authorizeBeforeBinding(ApplicationContext context,
                                                   ObjectProvider<MethodSecurityExpressionHandler> configured) {
        AuthorizeBeforeBinding interceptor = new AuthorizeBeforeBinding(configured.getIfAvailable(() -> {
            DefaultMethodSecurityExpressionHandler standard = new DefaultMethodSecurityExpressionHandler();
            standard.setApplicationContext(context);
            return standard;
        }));
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: profiled on the
     * write benchmark (2 cores, JFR), Micrometer code took 16 % of the request threads' CPU samples, most of it in
     * these per-filter wrappers. The request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Keys are fetched from the issuer when the first token arrives, so a service may start before its issuer. */
    @Bean
    public JwtDecoder jwtDecoder(@Value("${rekindle.security.issuer-uri}") String issuer,
                                 @Value("${rekindle.security.jwk-set-uri:}") String jwkSetUri,
                                 @Value("${rekindle.security.audience:rekindle}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri.isBlank() ? issuer + "/oauth2/jwks"
                                                                                      : jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                                                                     audience(audience)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                      ? OAuth2TokenValidatorResult.success()
                      : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                              "The token is not meant for " + audience, null));
    }

    private static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new JwtAuthenticationToken(jwt, roles == null ? List.of() : roles.stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(), jwt.getSubject());
        };
    }
}
