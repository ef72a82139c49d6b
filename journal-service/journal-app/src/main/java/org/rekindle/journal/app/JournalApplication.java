package org.rekindle.journal.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** journal-service: a client's journal and contact log. See journal-service/README.md (the canvas). */
@SpringBootApplication
public class JournalApplication {

    /** Its own config name, so several services can share one classpath in the local stack. */
    public static final String CONFIG_NAME = "journal-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(JournalApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
