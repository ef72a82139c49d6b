package org.rekindle.platform.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout rules every service app follows (see docs/architecture.md, "Layout"), written once and checked by each
 * service's own architecture test against its base package, e.g. {@code org.rekindle.journal.app}.
 * <p>
 * A service app has a domain (its decisions: {@code command/}, or {@code rules/} in notification-service), a read
 * side ({@code query/}), maybe an application core between them ({@code engine/}), and adapters that connect it to
 * the world: {@code web/} (HTTP in), {@code messaging/in} (Kafka and time in), {@code messaging/out} (Kafka, email
 * out). {@code config/} wires them together and may see everything.
 */
public final class ServiceArchitectureRules {

    /** The Axon handler annotations whose methods Axon finds without them being public. */
    private static final List<String> AXON_HANDLERS = List.of(
            "org.axonframework.commandhandling.CommandHandler", "org.axonframework.eventhandling.EventHandler",
            "org.axonframework.eventsourcing.EventSourcingHandler", "org.axonframework.queryhandling.QueryHandler",
            "org.axonframework.deadline.annotation.DeadlineHandler", "org.axonframework.eventhandling.ResetHandler");

    private ServiceArchitectureRules() {
    }

    /** Domain code decides; it does not know about Spring, HTTP, Kafka, MongoDB or the layers around it. */
    public static ArchRule domainIsPure(String appPackage, String domainPackage) {
        return noClasses().that().resideInAPackage(appPackage + "." + domainPackage + "..")
                          .should().dependOnClassesThat().resideInAnyPackage(
                                  "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                                  "jakarta.servlet..", "io.micrometer..",
                                  appPackage + ".web..", appPackage + ".query..", appPackage + ".messaging..",
                                  appPackage + ".engine..", appPackage + ".config..")
                          .because(domainPackage + "/ holds the domain: validation, decisions and events only")
                          .allowEmptyShould(true);
    }

    /** A service talks to another only through integration events ({@code *-events}) or REST, never its code. */
    public static ArchRule usesNoOtherServiceApp(String appPackage) {
        DescribedPredicate<JavaClass> otherApps = resideInAPackage("org.rekindle.*.app..")
                .and(DescribedPredicate.not(resideInAPackage(appPackage + "..")))
                .as("classes of another service's app");
        return noClasses().that().resideInAPackage(appPackage + "..")
                          .should().dependOnClassesThat(otherApps);
    }

    /** Only the messaging adapters (and the wiring) know a contract; domain, read side and web stay free to change. */
    public static ArchRule publishedContractOnlyInMessaging(String appPackage, String eventsPackage) {
        return noClasses().that().resideInAPackage(appPackage + "..")
                          .and().resideOutsideOfPackages(appPackage + ".messaging..", appPackage + ".config..")
                          .should().dependOnClassesThat(resideInAnyPackage(eventsPackage + ".."))
                          .because("integration events are mapped from and to domain types in messaging/");
    }

    /**
     * Adapters depend on the core, never on each other: what two of them need (a port, a shared decision) lives in
     * the core, so one can be replaced without touching the other.
     */
    public static ArchRule adaptersAreIndependent(String appPackage) {
        String web = appPackage + ".web..";
        String in = appPackage + ".messaging.in..";
        String out = appPackage + ".messaging.out..";
        return CompositeArchRule.of(adapterSeesNone(web, in, out))
                                .and(adapterSeesNone(in, web, out))
                                .and(adapterSeesNone(out, web, in))
                                .as("adapters (web, messaging/in, messaging/out) do not depend on each other");
    }

    private static ArchRule adapterSeesNone(String adapter, String... others) {
        return noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat()
                          .resideInAnyPackage(others).allowEmptyShould(true);
    }

    /** The core (domain, read side, application core) does not know which adapters drive or serve it. */
    public static ArchRule coreKnowsNoAdapter(String appPackage) {
        return noClasses().that().resideInAPackage(appPackage + "..")
                          .and().resideOutsideOfPackages(appPackage + ".web..", appPackage + ".messaging..",
                                                         appPackage + ".config..")
                          .should().dependOnClassesThat().resideInAnyPackage(
                                  appPackage + ".web..", appPackage + ".messaging..", appPackage + ".config..")
                          .because("adapters depend on the core, not the other way round");
    }

    /** Axon handlers are called by Axon through reflection, not by other code: package-private is enough. */
    public static ArchRule axonHandlersArePackagePrivate(String appPackage) {
        DescribedPredicate<com.tngtech.archunit.core.domain.JavaCodeUnit> axonHandler =
                DescribedPredicate.describe("annotated with an Axon handler annotation",
                        unit -> AXON_HANDLERS.stream().anyMatch(unit::isAnnotatedWith));
        return codeUnits().that().areDeclaredInClassesThat().resideInAPackage(appPackage + "..")
                          .and(axonHandler)
                          .should().notHaveModifier(JavaModifier.PUBLIC)
                          .because("nothing but Axon calls a handler; a public one invites direct calls")
                          .allowEmptyShould(true);
    }
}
