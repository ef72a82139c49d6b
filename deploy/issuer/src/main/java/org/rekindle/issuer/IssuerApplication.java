package org.rekindle.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.ComponentScan;

/**
 * The local stack's OpenID Connect issuer: the demo users log in here (authorization code + PKCE), services get
 * tokens with client credentials, and the directory says which coach a client has.
 * <p>Its auto-configuration is listed, not discovered: in the local stack it shares a JVM (and a classpath) with
 * the services, whose Axon, MongoDB, Kafka and platform wiring it must not pick up.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        ApplicationAvailabilityAutoConfiguration.class, EndpointAutoConfiguration.class,
        WebEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
        HealthEndpointAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
        AvailabilityProbesAutoConfiguration.class, ManagementContextAutoConfiguration.class,
        ServletManagementContextAutoConfiguration.class})
public class IssuerApplication {

    public static final String CONFIG_NAME = "rekindle-issuer";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(IssuerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
