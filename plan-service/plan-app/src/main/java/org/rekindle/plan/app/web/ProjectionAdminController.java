package org.rekindle.plan.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Rebuilds a projection: stop its processor, reset its token (the projection clears itself), replay from the start. */
@RestController
@Tag(name = "Admin", description = "Projection maintenance")
class ProjectionAdminController {

    private static final Set<String> REBUILDABLE = Set.of("coach-dashboard", "plan-read-model");

    private final EventProcessingConfiguration processing;

    ProjectionAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Reset a projection and replay it from its source (Kafka for coach-dashboard)")
    @PreAuthorize("@planAccess.mayAdminister()")
    ResponseEntity<Void> rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = REBUILDABLE.contains(name)
                ? processing.eventProcessor(name, StreamingEventProcessor.class).orElse(null) : null;
        if (processor == null) {
            throw new UnknownEntityException("projection", name);
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return ResponseEntity.accepted().build();
    }
}
