package org.rekindle.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Spring Authorization Server with the demo directory. Tokens are RS256 JWTs with the audience {@code rekindle}
 * and the claims every service authorizes with: {@code roles}, {@code practice}, and for a client {@code coach}.
 */
@Configuration
class IssuerConfig {

    static final String AUDIENCE = "rekindle";
    static final String DIRECTORY_SCOPE = "directory.read";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
            .with(server, as -> as.oidc(Customizer.withDefaults()))
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The directory API, for services with a client-credentials token carrying {@value #DIRECTORY_SCOPE}. */
    @Bean
    @Order(2)
    SecurityFilterChain directoryApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_" + DIRECTORY_SCOPE))
            .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**").permitAll()
                                                       .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").permitAll()
                                   .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                // a failed sign-in goes back to the form with ?error; only a locked sign-in is answered differently
                @Override
                public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                    filter.setAuthenticationFailureHandler(SignInThrottle.failureHandler());
                    return filter;
                }
            }));
        return http.build();
    }

    @Bean
    Directory directory(@Value("${rekindle.issuer.users}") Resource users, ObjectMapper json,
                        PasswordEncoder encoder) throws IOException {
        Directory directory = new Directory(users, json);
        if (!DEMO_DIRECTORY.equals(users.getDescription())) { // the demo's hashes are checked by a test instead
            PasswordPolicy.requireAll(directory.all());
            PasswordPolicy.requireHashesMatch(directory.all(), encoder);
        }
        return directory;
    }

    private static final String DEMO_DIRECTORY = "class path resource [demo-users.json]";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Each person's password hash: the directory's own, or the password hashed at the first sign-in and kept. A hash
     * costs as much as a check (BCrypt, on purpose), so hashing at every sign-in doubled each one's cost; the demo
     * directory carries its hashes beside the passwords it documents.
     */
    private static UserDetailsService users(Directory directory, PasswordEncoder encoder) {
        java.util.Map<String, String> hashed = new java.util.concurrent.ConcurrentHashMap<>();
        return username -> directory.find(username)
                .map(user -> User.withUsername(user.id())
                                 .password(user.passwordHash() != null ? user.passwordHash()
                                           : hashed.computeIfAbsent(user.id(), id -> encoder.encode(user.password())))
                                 .roles(user.roles().toArray(String[]::new)).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Passwords are checked behind the sign-in throttle (failures per account and per address). */
    @Bean
    AuthenticationProvider signIn(Directory directory, PasswordEncoder encoder,
                                  @Value("${rekindle.issuer.sign-in.max-failures-per-account:5}") int perAccount,
                                  @Value("${rekindle.issuer.sign-in.max-failures-per-address:20}") int perAddress,
                                  @Value("${rekindle.issuer.sign-in.lockout:PT15M}") Duration lockout) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users(directory, encoder));
        return new SignInThrottle(passwords, perAccount, perAddress, lockout, java.time.Clock.systemUTC());
    }

    @Bean
    RegisteredClientRepository clients(@Value("${rekindle.issuer.web-redirect-uris}") List<String> redirectUris,
                                       @Value("${rekindle.issuer.web-post-logout-uris}") List<String> postLogoutUris,
                                       @Value("${rekindle.issuer.services-secret}") String servicesSecret,
                                       PasswordEncoder encoder) {
        RegisteredClient web = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("rekindle-web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogoutUris))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                                              .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(30)).build())
                .build();
        RegisteredClient services = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("rekindle-services")
                .clientSecret(encoder.encode(servicesSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(DIRECTORY_SCOPE)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build())
                .build();
        return new InMemoryRegisteredClientRepository(web, services);
    }

    /** Adds the audience and, for a person, what services authorize with. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims(Directory directory) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // Access tokens are for the services; an ID token keeps the client it was issued to as audience.
                context.getClaims().audience(List.of(AUDIENCE));
            }
            directory.find(context.getPrincipal().getName()).ifPresent(user -> {
                context.getClaims().claim("roles", user.roles()).claim("name", user.name());
                if (user.practice() != null) {
                    context.getClaims().claim("practice", user.practice());
                }
                if (user.coach() != null) {
                    context.getClaims().claim("coach", user.coach());
                }
            });
        };
    }

    /** A fresh signing key each start: tokens do not outlive the local stack. */
    @Bean
    JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                                                                         .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKey) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKey);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${rekindle.issuer.url}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
