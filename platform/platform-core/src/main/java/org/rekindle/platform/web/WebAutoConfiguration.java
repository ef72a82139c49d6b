package org.rekindle.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Problem+json errors, the request size limit and server-sent event streams, the same in every service. Registered before Spring MVC's own
 * auto-configuration so that Boot's generic problem handler (which does not name fields) steps aside.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

    /**
     * A text field takes a JSON string only: {@code {"text":12345}} is a 400 naming the field, not the text "12345"
     * (Jackson coerces numbers and booleans to strings by default).
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer textFieldsTakeStringsOnly() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Requests Tomcat refuses before any servlet sees them (a malformed URL) also get a problem+json answer. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonForRefusedRequests() {
        return new ProblemErrorReportValve.Installer();
    }

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Server-sent event streams; open streams close when the application stops. */
    @Bean
    public LiveStreams liveStreams(@Value("${rekindle.web.live-stream-timeout:PT30M}") java.time.Duration timeout) {
        return new LiveStreams(timeout);
    }

    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${rekindle.web.max-request-bytes}") long maxBytes, ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
