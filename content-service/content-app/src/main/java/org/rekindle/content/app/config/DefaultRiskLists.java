package org.rekindle.content.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.content.app.command.api.ReviseRiskList;
import org.rekindle.content.app.command.api.RiskPhraseEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Every practice starts with the default risk-language lists shipped in content-events
 * ({@code risk-lists/<language>.json}, sources in the canvas): on start, a language whose list was never written
 * gets it as version 1 through the ordinary command. Unlike the default programs this is not optional: no practice
 * runs without a list. Once it exists it is the practice's; a restart never overwrites it.
 */
@Component
class DefaultRiskLists implements ApplicationRunner {

    static final List<String> LANGUAGES = List.of("en");
    private static final Logger log = LoggerFactory.getLogger(DefaultRiskLists.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;

    DefaultRiskLists(CommandGateway commands, EventStore eventStore, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
    }

    /** The shape of a file in {@code risk-lists/}. */
    record ListFile(String language, int version, List<RiskPhraseEntry> phrases) {
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String language : LANGUAGES) {
            String listId = ReviseRiskList.listIdOf(language);
            if (eventStore.lastSequenceNumberFor(listId).isPresent()) {
                continue;
            }
            ListFile file = read("risk-lists/" + language + ".json");
            commands.sendAndWait(new ReviseRiskList(listId, language, file.phrases(), "rekindle-default",
                                                    clock.instant()));
            log.info("Wrote the default risk-language list of '{}' as version 1", language);
        }
    }

    private ListFile read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return json.readValue(in, ListFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default risk list " + file, e);
        }
    }
}
