package org.rekindle.platform.scrape;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The one credential Prometheus scrapes {@code /actuator/prometheus} with: HTTP Basic, user {@value #USER}, the
 * password from {@code rekindle.metrics.scrape-password}. Without a password the endpoint answers nobody. Kept apart
 * from the resource server's JWTs: a scraper holds no person's token, and people's tokens do not open the metrics.
 */
public final class ScrapeCredential {

    public static final String USER = "prometheus";
    public static final String ROLE = "METRICS_SCRAPER";

    private ScrapeCredential() {
    }

    static AuthenticationManager authentication(String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername(USER).password("{noop}" + password).roles(ROLE).build()));
        return new ProviderManager(provider);
    }
}
