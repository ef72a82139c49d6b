package org.rekindle.platform.web;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /asyncapi.json}: the service's AsyncAPI 3.0 document (what it publishes to Kafka), generated at build
 * time into {@code asyncapi/<spring.application.name>.json} by platform-asyncapi. Open like {@code /v3/api-docs}. A
 * route rather than a controller, so it stays out of the OpenAPI document (it is a document about the API).
 */
public final class AsyncApiRoute {

    public static final String PATH = "/asyncapi.json";

    private AsyncApiRoute() {
    }

    public static RouterFunction<ServerResponse> serving(Resource document) {
        byte[] json = read(document);
        return RouterFunctions.route().GET(PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                                                          .body(json)).build();
    }

    private static byte[] read(Resource document) {
        try (InputStream in = document.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI document " + document, e);
        }
    }
}
