package org.rekindle.plan.app.messaging.in.catalog;

import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramRetired;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.plan.app.command.api.TemplateStep;
import org.rekindle.plan.app.query.Catalog;
import org.rekindle.plan.app.query.CatalogVersion;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.UnreadableRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the catalog of assignable program versions from content-service's published events. */
@Component
class ContentCatalogListener {

    private final Catalog catalog;

    ContentCatalogListener(Catalog catalog) {
        this.catalog = catalog;
    }

    @KafkaListener(topics = ContentTopic.NAME, groupId = "plan-service-catalog")
    void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        if (ProgramVersionPublished.TYPE.equals(event.type())) {
            ProgramVersionPublished published = event.data(ProgramVersionPublished.class);
            if (published.phases() == null || published.programId() == null) {
                throw new UnreadableRecordException("program version without id or phases", null);
            }
            catalog.store(new CatalogVersion(published.programId(), published.version(), published.title(),
                    published.phases().stream().flatMap(phase -> phase.steps().stream().map(step -> new TemplateStep(
                            step.stepId(), phase.phaseId(), step.kind(), step.title(), step.dayOffset(),
                            step.promptId(), step.targetDays(), step.checkIns()))).toList(), false));
        } else if (ProgramRetired.TYPE.equals(event.type())) {
            catalog.retire(event.data(ProgramRetired.class).programId());
        }
    }
}
