package org.rekindle.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules refuse what they are meant to refuse (checked on a small fixture app with one of each fault). */
class ServiceArchitectureRulesTest {

    private static final String APP = "org.rekindle.platform.architecture.fixture.app";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(APP);

    @Test
    void aWebAdapterUsingTheInboundMessagingAdapterIsRefused() {
        assertThat(ServiceArchitectureRules.adaptersAreIndependent(APP).evaluate(FIXTURE).getFailureReport().getDetails())
                .isNotEmpty().allMatch(detail -> detail.contains("web.Controller") && detail.contains("in.Listener"));
    }

    @Test
    void aPublicAxonHandlerIsRefusedAndAPackagePrivateOneIsNot() {
        assertThat(ServiceArchitectureRules.axonHandlersArePackagePrivate(APP).evaluate(FIXTURE).getFailureReport()
                                           .getDetails())
                .singleElement().asString().contains("Projection.on(java.lang.String)");
    }

    @Test
    void theCoreUsingNoAdapterPasses() {
        assertThat(ServiceArchitectureRules.coreKnowsNoAdapter(APP).evaluate(FIXTURE).hasViolation()).isFalse();
    }
}
