package org.rekindle.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code /asyncapi.json} in each service that publishes events (only those have a generated document). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnResource(resources = AsyncApiAutoConfiguration.DOCUMENT)
public class AsyncApiAutoConfiguration {

    static final String DOCUMENT = "classpath:asyncapi/${spring.application.name}.json";

    @Bean
    public RouterFunction<ServerResponse> asyncApiDocument(@Value(DOCUMENT) Resource document) {
        return AsyncApiRoute.serving(document);
    }
}
