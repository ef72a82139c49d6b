package org.rekindle.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code rekindle-platform-defaults.properties} as the lowest-priority property source of every service,
 * so the settings all services share (Jackson for Axon, no Axon Server, acknowledged Kafka producer, problem+json)
 * are written once. A service's own properties, env vars and command-line arguments override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "rekindle-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("rekindlePlatformDefaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
