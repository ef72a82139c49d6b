package org.rekindle.content.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.content.app.command.api.AddPhase;
import org.rekindle.content.app.command.api.AddStep;
import org.rekindle.content.app.command.api.DraftProgram;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.PublishProgramVersion;
import org.rekindle.content.app.command.api.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Ships the practice's default programs: on start, each program in {@code default-programs/} that was never
 * drafted is drafted and published as version 1 through the ordinary commands. Once it exists it is the
 * practice's to edit; a restart never overwrites it.
 */
@Component
@ConditionalOnProperty(name = "rekindle.content.default-programs", havingValue = "true")
class DefaultPrograms implements ApplicationRunner {

    static final List<String> FILES = List.of("default-programs/reconciliation.json", "default-programs/moving-on.json");
    private static final Logger log = LoggerFactory.getLogger(DefaultPrograms.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;

    DefaultPrograms(CommandGateway commands, EventStore eventStore, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
    }

    /** The shape of a file in {@code default-programs/}. */
    record ProgramFile(String programId, String title, String summary, List<Phase> phases) {
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String file : FILES) {
            ProgramFile program = read(file);
            if (eventStore.lastSequenceNumberFor(program.programId()).isPresent()) {
                continue;
            }
            commands.sendAndWait(new DraftProgram(program.programId(), program.title(), program.summary()));
            for (Phase phase : program.phases()) {
                commands.sendAndWait(new AddPhase(program.programId(), phase.phaseId(), phase.title()));
                for (Step step : phase.steps()) {
                    commands.sendAndWait(new AddStep(program.programId(), phase.phaseId(), step));
                }
            }
            commands.sendAndWait(new PublishProgramVersion(program.programId(), clock.instant()));
            log.info("Published default program '{}' as version 1", program.programId());
        }
    }

    ProgramFile read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return json.readValue(in, ProgramFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default program " + file, e);
        }
    }
}
