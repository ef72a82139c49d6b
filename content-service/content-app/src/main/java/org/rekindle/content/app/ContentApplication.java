package org.rekindle.content.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** content-service: the program library. See content-service/README.md (the canvas). */
@SpringBootApplication
public class ContentApplication {

    /** Its own config name, so several services can share one classpath in the local stack. */
    public static final String CONFIG_NAME = "content-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(ContentApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
