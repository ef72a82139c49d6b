package org.rekindle.journal.events;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published contract stays a plain, framework-free set of records, each with a versioned CloudEvent type. */
class JournalEventsContractTest {

    private static final JavaClasses EVENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rekindle.journal.events");

    @Test
    void everyPublishedRecordIsListedWithAVersionedType() throws Exception {
        Set<Class<?>> records = EVENTS.stream().filter(JavaClass::isRecord).map(JavaClass::reflect)
                                      .collect(Collectors.toSet());
        assertThat(records).hasSize(19);
        assertThat(Set.copyOf(JournalEventTypes.all().values())).isEqualTo(records);
        for (Class<?> record : records) {
            String type = (String) record.getField("TYPE").get(null);
            assertThat(type).isEqualTo("rekindle.journal." + record.getSimpleName() + ".v1");
            assertThat(JournalEventTypes.all().get(type)).isEqualTo(record);
        }
    }

    @Test
    void typeOfNamesTheRecordsType() {
        assertThat(JournalEventTypes.typeOf(new EntryShared("c", "e", java.time.Instant.EPOCH)))
                .isEqualTo("rekindle.journal.EntryShared.v1");
    }

    @Test
    void anUnpublishedRecordHasNoType() {
        record Other(String clientId) {
        }
        assertThatThrownBy(() -> JournalEventTypes.typeOf(new Other("c")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryCannotBeChanged() {
        assertThatThrownBy(() -> JournalEventTypes.all().put("x", EntryShared.class))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("org.rekindle.journal.events")
                 .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.rekindle.journal.events")
                 .check(EVENTS);
    }
}
