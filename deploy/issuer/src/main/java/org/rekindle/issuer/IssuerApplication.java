package org.rekindle.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The local stack's OpenID Connect issuer: the demo users log in here (authorization code + PKCE), services get
 * tokens with client credentials, and the directory says which coach a client has.
 */
@SpringBootApplication
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
