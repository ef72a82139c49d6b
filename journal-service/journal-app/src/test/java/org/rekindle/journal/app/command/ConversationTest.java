package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.journal.app.command.api.ConversationRead;
import org.rekindle.journal.app.command.api.MarkConversationRead;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.SendMessage;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekindle.journal.app.command.api.Participant.CLIENT;
import static org.rekindle.journal.app.command.api.Participant.COACH;

/** The conversation between a client and their coach: sending (sealed, numbered), read receipts, and refusals. */
class ConversationTest {

    private static final String CLIENT_ID = "client-1";
    private static final String COACH_ID = "coach-1";
    private static final String ID = ConversationId.of(CLIENT_ID, COACH_ID);
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(3600);

    private final VisibleCipher cipher = new VisibleCipher("sealed:");
    private FixtureConfiguration<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(cipher);
    }

    private static MessageSent sent(int number, org.rekindle.journal.app.command.api.Participant sender) {
        return new MessageSent(ID, CLIENT_ID, COACH_ID, number, sender, "sealed:message " + number, EARLIER);
    }

    @Test
    void theFirstMessageIsNumberOneWithTheTextSealedWithTheClientsKeyWhoeverWritesIt() {
        fixture.givenNoPriorActivity()
               .when(new SendMessage(ID, CLIENT_ID, COACH_ID, COACH, "Saw the breach. Want to talk?", NOW))
               .expectEvents(new MessageSent(ID, CLIENT_ID, COACH_ID, 1, COACH, "sealed:Saw the breach. Want to talk?",
                                             NOW))
               .expectResultMessagePayload(1);
    }

    @Test
    void aReplyIsTheNextNumber() {
        fixture.given(sent(1, COACH))
               .when(new SendMessage(ID, CLIENT_ID, COACH_ID, CLIENT, "Yes, tomorrow", NOW))
               .expectEvents(new MessageSent(ID, CLIENT_ID, COACH_ID, 2, CLIENT, "sealed:Yes, tomorrow", NOW))
               .expectResultMessagePayload(2);
    }

    @Test
    void aBlankOrTooLongMessageIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity().when(new SendMessage(ID, CLIENT_ID, COACH_ID, CLIENT, " ", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("text must not be blank")
               .expectNoEvents();
        fixture.givenNoPriorActivity().when(new SendMessage(ID, CLIENT_ID, COACH_ID, CLIENT, "x".repeat(4_001), NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("text must be at most 4000 characters").expectNoEvents();
        fixture.givenNoPriorActivity().when(new SendMessage(ID, CLIENT_ID, COACH_ID, CLIENT, "x".repeat(4_000), NOW))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMessageWithoutASenderOrDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity().when(new SendMessage(ID, CLIENT_ID, COACH_ID, null, "hi", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("sender must be given")
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new SendMessage(ID, CLIENT_ID, COACH_ID, CLIENT, "hi", NOW.plusSeconds(3600)))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void aConversationIdThatIsNotThisClientAndCoachsIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new SendMessage(ConversationId.of(CLIENT_ID, "coach-2"), CLIENT_ID, COACH_ID, COACH, "hi", NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void readingRecordsHowFarTheReaderHasSeenTheOtherSidesMessages() {
        fixture.given(sent(1, COACH), sent(2, COACH))
               .when(new MarkConversationRead(ID, CLIENT, null, NOW))
               .expectEvents(new ConversationRead(ID, CLIENT_ID, COACH_ID, CLIENT, 2, NOW))
               .expectResultMessagePayload(2);
        fixture.given(sent(1, COACH), sent(2, COACH))
               .when(new MarkConversationRead(ID, CLIENT, 1, NOW))
               .expectEvents(new ConversationRead(ID, CLIENT_ID, COACH_ID, CLIENT, 1, NOW));
    }

    @Test
    void readingWhatWasReadAlreadyRecordsNothing() {
        fixture.given(sent(1, COACH), new ConversationRead(ID, CLIENT_ID, COACH_ID, CLIENT, 1, EARLIER))
               .when(new MarkConversationRead(ID, CLIENT, null, NOW))
               .expectNoEvents().expectResultMessagePayload(1);
        fixture.given(sent(1, COACH), sent(2, CLIENT))
               .when(new MarkConversationRead(ID, CLIENT, null, NOW))
               .expectNoEvents() // replying is having read what came before
               .expectResultMessagePayload(2);
        fixture.given(sent(1, CLIENT))
               .when(new MarkConversationRead(ID, CLIENT, null, NOW))
               .expectNoEvents(); // only the other side's messages are read
    }

    @Test
    void readingPastTheLatestMessageOrBelowZeroIsRefusedNamingTheField() {
        fixture.given(sent(1, COACH))
               .when(new MarkConversationRead(ID, CLIENT, 2, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("upTo must be at most 1, the latest message").expectNoEvents();
        fixture.given(sent(1, COACH))
               .when(new MarkConversationRead(ID, CLIENT, -1, NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(sent(1, COACH))
               .when(new MarkConversationRead(ID, null, 1, NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("reader must be given")
               .expectNoEvents();
    }

    @Test
    void afterTheClientIsErasedTheConversationTakesNoNewMessagesAndItsTextNoLongerOpens() {
        cipher.erase(CLIENT_ID);
        fixture.given(sent(1, COACH))
               .when(new SendMessage(ID, CLIENT_ID, COACH_ID, COACH, "after erasure", NOW))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        assertThat(cipher.open(CLIENT_ID, "sealed:message 1")).isEqualTo(TextCipher.ERASED);
    }
}
