package org.rekindle.journal.app.messaging.out;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.SameVocabulary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.InitiatedBy;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.SafetyConcernRaised;
import org.rekindle.journal.app.command.api.ScreenedField;
import org.rekindle.journal.app.command.api.SessionBooked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcome;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.journal.events.JournalEventTypes;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.publishing.IntegrationEvent;
import org.rekindle.platform.testing.GoldenJson;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every published type to the golden JSON shipped in journal-events (what consumers test
 * against). A difference here is a contract change: additive changes update the golden file on purpose, breaking
 * ones get a new {@code .v2} type. Regenerate with {@code -Drekindle.golden.write=true} and review the diff.
 */
class JournalWireFormatTest {

    private static final String CLIENT = "client-golden";
    private static final Instant AT = Instant.parse("2026-11-02T08:15:30Z");
    private static final Instant START = Instant.parse("2026-11-09T08:00:00Z");
    private static final Instant END = START.plusSeconds(3000);
    private static final Instant MOVED = START.plusSeconds(7 * 86_400);
    private static final String COACH = "coach-golden";
    private static final String ZONE = "Europe/Berlin";
    private static final String EVENT_ID = "0b6f7c1e-3d7a-4d8e-9a59-2f1f8e0c4a11";

    static Stream<Arguments> publishedEvents() {
        return Stream.of(
                Arguments.of(new NoContactStarted(CLIENT, "period-1", 30, AT)),
                Arguments.of(new org.rekindle.journal.app.command.api.JournalErased(CLIENT, AT)),
                Arguments.of(new NoContactBroken(CLIENT, "period-1", "breach-1", Channel.SOCIAL_MEDIA,
                                                 InitiatedBy.CLIENT, "private note, never published", 12, AT)),
                Arguments.of(new NoContactEnded(CLIENT, "period-1", "target reached", 30, AT)),
                Arguments.of(new UrgeRecorded(CLIENT, "urge-1", true, "private note", AT)),
                Arguments.of(new ReflectionCompleted(CLIENT, "entry-1", "understand-why", "private text", AT)),
                Arguments.of(new ApologyDrafted(CLIENT, "entry-2", "private text", 1, AT)),
                Arguments.of(new ApologyRevised(CLIENT, "entry-2", "private text", 2, AT)),
                Arguments.of(new MoodCheckedIn(CLIENT, "entry-3", 2, "private note", 6.5, AT)),
                Arguments.of(new org.rekindle.journal.app.command.api.WellBeingCheckedIn(
                        CLIENT, "check-in-1", java.util.List.of(3, 2, 1, 1, 0), 7, 28, "2026-W45", AT)),
                Arguments.of(new SafetyConcernRaised(CLIENT, "entry-1", ScreenedField.REFLECTION_TEXT,
                                                     "SUICIDAL_IDEATION", "en", 1, AT, AT.plusSeconds(2))),
                Arguments.of(new EntryShared(CLIENT, "entry-1", AT)),
                Arguments.of(new EntryUnshared(CLIENT, "entry-1", AT)),
                Arguments.of(new MessageSent(ConversationId.of(CLIENT, "coach-golden"), CLIENT, "coach-golden", 3,
                                             Participant.COACH, "private message text", AT)),
                Arguments.of(new SessionBooked(COACH, "session-1", CLIENT, START, END, ZONE, AT)),
                Arguments.of(new SessionRescheduled(COACH, "session-1", CLIENT, Participant.CLIENT, START, MOVED,
                                                    MOVED.plusSeconds(3000), ZONE, 1, "private reason", AT)),
                Arguments.of(new SessionCancelled(COACH, "session-1", CLIENT, Participant.COACH, MOVED,
                                                  MOVED.plusSeconds(3000), ZONE, 2, "private reason", AT)),
                Arguments.of(new SessionOutcomeRecorded(COACH, "session-1", CLIENT, SessionOutcome.NO_SHOW, START,
                                                        END, ZONE, "private notes", AT)),
                Arguments.of(new ConsentChanged(CLIENT, Set.of(CoachView.SLEEP, CoachView.STREAK,
                                                               CoachView.MOOD_TREND), AT)));
    }

    @Test
    void theJournalsConsentVocabularyIsThePublishedOne() {
        SameVocabulary.assertSameNames(CoachView.class, CoachSees.class);
        SameVocabulary.assertSameMembers(CoachView.DEFAULT, CoachSees.DEFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void wireFormatMatchesTheGoldenJson(Record domainEvent) {
        IntegrationEvent event = JournalIntegrationEvents.from(domainEvent).orElseThrow();
        GoldenJson.assertMatches(event, EVENT_ID, "/rekindle/journal-service", "journal-events", "rekindle.journal.",
                                 JournalEventTypes.all().get(event.type()));
        assertThat(CloudEventJson.write(CloudEvent.of(EVENT_ID, "x", event.type(), event.subject(), AT,
                                                      event.data()))).doesNotContain("private");
    }
}
