package org.rekindle.web.client;

import org.junit.jupiter.api.Test;
import org.rekindle.web.config.CrisisProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The crisis resources the shipped settings give by region, and the lines for everywhere after them. */
class CrisisResourcesTest {

    private static CrisisResources shipped() throws IOException {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("rekindle-web.properties")));
        return new CrisisResources(new Binder(source).bind("rekindle.web.crisis", CrisisProperties.class).get());
    }

    @Test
    void aClientInTheUsSees988First() throws IOException {
        CrisisResources.Shown shown = shipped().forZone(ZoneId.of("America/Chicago"));
        assertThat(shown.region()).isEqualTo("United States");
        assertThat(shown.lines().get(0).contact()).contains("988");
        assertThat(shown.lines()).extracting(CrisisResources.ShownLine::name).endsWith("Find a Helpline");
    }

    @Test
    void aClientInTheUkOrIrelandSeesSamaritans() throws IOException {
        for (String zone : new String[] {"Europe/London", "Europe/Dublin"}) {
            CrisisResources.Shown shown = shipped().forZone(ZoneId.of(zone));
            assertThat(shown.region()).isEqualTo("United Kingdom and Ireland");
            assertThat(shown.lines().get(0).name()).isEqualTo("Samaritans");
            assertThat(shown.lines().get(0).contact()).contains("116 123");
        }
    }

    @Test
    void elsewhereTheLocalEmergencyNumberAndAHelplineDirectory() throws IOException {
        CrisisResources.Shown shown = shipped().forZone(ZoneId.of("Europe/Lisbon"));
        assertThat(shown.region()).isNull();
        assertThat(shown.lines()).extracting(CrisisResources.ShownLine::name)
                                 .containsExactly("Your local emergency number", "Find a Helpline");
        assertThat(shown.lines().get(1).href()).isEqualTo("https://findahelpline.com");
    }
}
