package org.rekindle.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The architecture rules, run by each service's test that extends this with its app package, the events package it
 * publishes and the events packages it consumes.
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

    @Test
    void commandSideIsPureDomain() {
        ServiceArchitectureRules.commandSideIsPureDomain(appPackage).check(CLASSES);
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
}
