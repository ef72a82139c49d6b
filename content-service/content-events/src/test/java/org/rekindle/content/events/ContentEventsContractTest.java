package org.rekindle.content.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The published contract stays a plain, framework-free set of records, each top-level event with a versioned type. */
class ContentEventsContractTest {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rekindle.content.events");

    @Test
    void everyEventHasAVersionedTypeNamedAfterIt() throws Exception {
        assertThat(ContentEventTypes.all()).hasSize(3);
        for (var entry : ContentEventTypes.all().entrySet()) {
            Class<?> record = entry.getValue();
            assertThat(entry.getKey()).isEqualTo("rekindle.content." + record.getSimpleName() + ".v1")
                                      .isEqualTo(record.getField("TYPE").get(null));
        }
        assertThat(ContentEventTypes.typeOf(new ProgramRetired("p", java.time.Instant.EPOCH)))
                .isEqualTo(ProgramRetired.TYPE);
    }

    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.rekindle.content.events")
                 .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.rekindle.content.events")
                 .check(EVENTS);
    }
}
