package org.rekindle.plan.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The published contract stays a plain, framework-free set of records, each top-level event with a versioned type. */
class PlanEventsContractTest {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rekindle.plan.events");

    @Test
    void everyEventHasAVersionedTypeNamedAfterIt() throws Exception {
        assertThat(PlanEventTypes.all()).hasSize(10);
        for (var entry : PlanEventTypes.all().entrySet()) {
            Class<?> record = entry.getValue();
            assertThat(entry.getKey()).isEqualTo("rekindle.plan." + record.getSimpleName() + ".v1")
                                      .isEqualTo(record.getField("TYPE").get(null));
        }
        assertThat(PlanEventTypes.typeOf(new PlanPaused("p", "c", java.time.Instant.EPOCH)))
                .isEqualTo(PlanPaused.TYPE);
    }

    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.rekindle.plan.events")
                 .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.rekindle.plan.events")
                 .check(EVENTS);
    }
}
