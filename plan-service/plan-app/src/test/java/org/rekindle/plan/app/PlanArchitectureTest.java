package org.rekindle.plan.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.architecture.ServiceArchitectureRules;

class PlanArchitectureTest {

    private static final String APP = "org.rekindle.plan.app";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("org.rekindle");
    }

    @Test
    void commandSideIsPureDomain() {
        ServiceArchitectureRules.commandSideIsPureDomain(APP).check(classes);
    }

    @Test
    void noOtherServiceIsImported() {
        ServiceArchitectureRules.usesNoOtherServiceApp(APP).check(classes);
    }

    @Test
    void thePublishedContractIsOnlyUsedByTheOutboundAdapter() {
        ServiceArchitectureRules.publishedContractOnlyInMessaging(APP, "org.rekindle.plan.events").check(classes);
    }

    @Test
    void consumedContractsAreOnlyReadByTheInboundAdapter() {
        ServiceArchitectureRules.publishedContractOnlyInMessaging(APP, "org.rekindle.journal.events").check(classes);
        ServiceArchitectureRules.publishedContractOnlyInMessaging(APP, "org.rekindle.content.events").check(classes);
    }
}
