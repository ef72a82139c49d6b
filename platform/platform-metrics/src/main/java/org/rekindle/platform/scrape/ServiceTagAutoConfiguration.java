package org.rekindle.platform.scrape;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every meter of the process is tagged {@code service=<spring.application.name>}, services and web app alike. */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class ServiceTagAutoConfiguration {

    @Bean
    public MeterRegistryCustomizer<MeterRegistry> serviceTag(@Value("${spring.application.name:}") String service) {
        return registry -> {
            if (!service.isBlank()) {
                registry.config().commonTags("service", service);
            }
        };
    }
}
