package org.rekindle.platform.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout rules every service app follows (see docs/architecture.md), written once and checked by each
 * service's own architecture test against its base package, e.g. {@code org.rekindle.journal.app}.
 */
public final class ServiceArchitectureRules {

    private ServiceArchitectureRules() {
    }

    /** Domain code decides; it does not know about HTTP, Kafka, MongoDB or the layers around it. */
    public static ArchRule commandSideIsPureDomain(String appPackage) {
        return noClasses().that().resideInAPackage(appPackage + ".command..")
                          .should().dependOnClassesThat().resideInAnyPackage(
                                  "org.springframework.web..", "org.springframework.http..",
                                  "org.springframework.kafka..", "org.apache.kafka..", "com.mongodb..",
                                  "org.bson..", "jakarta.servlet..",
                                  appPackage + ".web..", appPackage + ".query..", appPackage + ".messaging..",
                                  appPackage + ".config..")
                          .because("command/ holds the domain: validation and events only");
    }

    /** A service talks to another only through integration events ({@code *-events}) or REST, never its code. */
    public static ArchRule usesNoOtherServiceApp(String appPackage) {
        DescribedPredicate<JavaClass> otherApps = resideInAPackage("org.rekindle.*.app..")
                .and(DescribedPredicate.not(resideInAPackage(appPackage + "..")))
                .as("classes of another service's app");
        return noClasses().that().resideInAPackage(appPackage + "..")
                          .should().dependOnClassesThat(otherApps);
    }

    /** Only the outbound adapter knows the published contract; domain and read side stay free to change. */
    public static ArchRule publishedContractOnlyInMessaging(String appPackage, String eventsPackage) {
        return noClasses().that().resideInAnyPackage(appPackage + ".command..", appPackage + ".query..",
                                                     appPackage + ".web..")
                          .should().dependOnClassesThat(resideInAnyPackage(eventsPackage + ".."))
                          .because("integration events are mapped from domain events in messaging/");
    }
}
