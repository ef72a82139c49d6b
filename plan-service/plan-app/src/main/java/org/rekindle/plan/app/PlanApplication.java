package org.rekindle.plan.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** plan-service: plans clients follow. See plan-service/README.md (the canvas). */
@SpringBootApplication
public class PlanApplication {

    /** Its own config name, so several services can share one classpath in the local stack. */
    public static final String CONFIG_NAME = "plan-service";

    public static SpringApplication application() {
        return new SpringApplicationBuilder(PlanApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .build();
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
