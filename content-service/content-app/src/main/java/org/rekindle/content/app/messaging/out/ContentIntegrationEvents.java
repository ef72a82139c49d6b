package org.rekindle.content.app.messaging.out;

import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.RiskListRevised;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.events.RiskPhrase;
import org.rekindle.content.events.ContentEventTypes;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.platform.publishing.IntegrationEvent;

import java.util.Optional;

/** Maps domain events to the public contract in {@code content-events}. */
final class ContentIntegrationEvents {

    private ContentIntegrationEvents() {
    }

    static Optional<IntegrationEvent> from(Object domainEvent) {
        if (domainEvent instanceof ProgramVersionPublished e) {
            return Optional.of(published(e.programId(), new org.rekindle.content.events.ProgramVersionPublished(
                    e.programId(), e.version(), e.title(), e.summary(),
                    e.phases().stream().map(ContentIntegrationEvents::phase).toList(), e.publishedAt())));
        }
        if (domainEvent instanceof ProgramRetired e) {
            return Optional.of(published(e.programId(),
                                         new org.rekindle.content.events.ProgramRetired(e.programId(), e.retiredAt())));
        }
        if (domainEvent instanceof RiskListRevised e) {
            // keyed by language: a list's versions stay in order; who revised it stays in content-service
            return Optional.of(published(e.language(), new org.rekindle.content.events.RiskListRevised(
                    e.language(), e.version(), e.phrases().stream()
                                                .map(p -> new RiskPhrase(p.phrase(), p.riskClass())).toList(),
                    e.revisedAt())));
        }
        return Optional.empty();
    }

    private static IntegrationEvent published(String key, Record event) {
        return new IntegrationEvent(ContentEventTypes.typeOf(event), key, event);
    }

    private static ProgramPhase phase(Phase phase) {
        return new ProgramPhase(phase.phaseId(), phase.title(),
                                phase.steps().stream().map(ContentIntegrationEvents::step).toList());
    }

    private static ProgramStep step(Step s) {
        return new ProgramStep(s.stepId(), s.kind().name(), s.title(), s.guidance(), s.dayOffset(), s.durationDays(),
                               s.promptId(), s.targetDays(), s.checkIns());
    }
}
