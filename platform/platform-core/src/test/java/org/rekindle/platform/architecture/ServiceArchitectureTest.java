package org.rekindle.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The architecture rules, run by each service's test that extends this with its app package, the events package it
 * publishes and the events packages it consumes. Every service app runs every rule.
 */
public abstract class ServiceArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rekindle");

    private final String appPackage;
    private final String publishedEvents;
    private final List<String> consumedEvents;

    protected ServiceArchitectureTest(String appPackage, String publishedEvents, String... consumedEvents) {
        this.appPackage = appPackage;
        this.publishedEvents = publishedEvents;
        this.consumedEvents = List.of(consumedEvents);
    }

    /** The package, under the app package, that holds the service's domain; {@code command} unless it has none. */
    protected String domainPackage() {
        return "command";
    }

    @Test
    void domainIsPure() {
        ServiceArchitectureRules.domainIsPure(appPackage, domainPackage()).check(CLASSES);
    }

    @Test
    void noOtherServiceIsImported() {
        ServiceArchitectureRules.usesNoOtherServiceApp(appPackage).check(CLASSES);
    }

    @Test
    void thePublishedContractIsOnlyUsedByTheOutboundAdapter() {
        ServiceArchitectureRules.publishedContractOnlyInMessaging(appPackage, publishedEvents).check(CLASSES);
    }

    @Test
    void consumedContractsAreOnlyReadByTheInboundAdapter() {
        consumedEvents.forEach(events -> ServiceArchitectureRules.publishedContractOnlyInMessaging(appPackage, events)
                                                                 .check(CLASSES));
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ServiceArchitectureRules.adaptersAreIndependent(appPackage).check(CLASSES);
    }

    @Test
    void theCoreKnowsNoAdapter() {
        ServiceArchitectureRules.coreKnowsNoAdapter(appPackage).check(CLASSES);
    }

    @Test
    void axonHandlersArePackagePrivate() {
        ServiceArchitectureRules.axonHandlersArePackagePrivate(appPackage).check(CLASSES);
    }
}
