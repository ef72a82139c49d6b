package org.rekindle.notification.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** notification-service: coach alerts and client reminders. See notification-service/README.md (the canvas). */
@SpringBootApplication
public class NotificationApplication {

    /** Its own config name, so several services can share one classpath in the local stack. */
    public static final String CONFIG_NAME = "notification-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(NotificationApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
