package org.rekindle.plan.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.metrics.ProcessorProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a projection (stop its processor, reset its token: the projection clears itself, replay from the start)
 * and tells how far a rebuild, or the live projection, has got.
 */
@RestController
@Tag(name = "Admin", description = "Projection maintenance")
class ProjectionAdminController {

    private static final Set<String> REBUILDABLE = Set.of("coach-dashboard", "plan-read-model");

    private final ProcessorProgress projections;

    ProjectionAdminController(ProcessorProgress projections) {
        this.projections = projections;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    @Operation(summary = "Reset a projection and replay it from its source (Kafka for coach-dashboard)")
    @ApiResponse(responseCode = "202", description = "Rebuild started; follow it at GET /api/admin/projections/{name}")
    @ApiResponse(responseCode = "404", description = "No such projection")
    @PreAuthorize("@planAccess.mayAdminister()")
    ResponseEntity<Void> rebuild(@PathVariable String name) {
        if (!REBUILDABLE.contains(name) || !projections.rebuild(name)) {
            throw new UnknownEntityException("projection", name);
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/admin/projections/{name}")
    @Operation(summary = "How far a projection is: REPLAYING (a rebuild), LIVE or STOPPED, events done of the total, "
                         + "rate and time left",
               description = "The total is the source's head now (plan-read-model: the event store's newest global "
                             + "index + 1; coach-dashboard: the sum of the end offsets of every partition of the "
                             + "journal and plan topics), so it grows while events arrive; done is the total minus "
                             + "the projection's lag (the same arithmetic as rekindle_processor_lag). The rate is "
                             + "measured over the readings of the last 10 seconds, so it appears from the second "
                             + "reading; startedAt is this instance's last rebuild.")
    @ApiResponse(responseCode = "200", description = "The projection's progress")
    @ApiResponse(responseCode = "404", description = "No such projection")
    @PreAuthorize("@planAccess.mayAdminister()")
    ProjectionProgressView progress(@PathVariable String name) {
        return (REBUILDABLE.contains(name) ? projections.of(name) : Optional.<ProcessorProgress.Reading>empty())
                .map(ProjectionProgressView::of)
                .orElseThrow(() -> new UnknownEntityException("projection", name));
    }

    @Schema(description = "A projection's progress through its source")
    record ProjectionProgressView(
            @Schema(example = "coach-dashboard") String name,
            @Schema(description = "REPLAYING during a rebuild, LIVE once caught up, STOPPED when not running")
            ProcessorProgress.State state,
            @Schema(description = "What done and total count: event-store 'events' or Kafka 'records'") String unit,
            @Schema(description = "Handled so far; null when unknown (the source does not answer)", nullable = true)
            Long done,
            @Schema(description = "The source's head now", nullable = true) Long total,
            @Schema(description = "Handled per second over the last 10 s; null until measured", nullable = true)
            Double ratePerSecond,
            @Schema(description = "Estimated seconds left at that rate; 0 when caught up", nullable = true)
            Long secondsLeft,
            @Schema(description = "When this instance started the last rebuild; null if none", nullable = true)
            Instant startedAt) {

        static ProjectionProgressView of(ProcessorProgress.Reading reading) {
            return new ProjectionProgressView(reading.processor(), reading.state(), reading.unit(), reading.done(),
                                              reading.total(), reading.ratePerSecond(), reading.secondsLeft(),
                                              reading.startedAt());
        }
    }
}
