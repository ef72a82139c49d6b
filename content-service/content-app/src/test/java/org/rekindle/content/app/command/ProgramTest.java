package org.rekindle.content.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.content.app.command.api.AddPhase;
import org.rekindle.content.app.command.api.AddStep;
import org.rekindle.content.app.command.api.DraftProgram;
import org.rekindle.content.app.command.api.EditStep;
import org.rekindle.content.app.command.api.MoveStep;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.PhaseAdded;
import org.rekindle.content.app.command.api.PhaseRemoved;
import org.rekindle.content.app.command.api.ProgramDetailsRevised;
import org.rekindle.content.app.command.api.ProgramDrafted;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.PublishProgramVersion;
import org.rekindle.content.app.command.api.RemovePhase;
import org.rekindle.content.app.command.api.RemoveStep;
import org.rekindle.content.app.command.api.RetireProgram;
import org.rekindle.content.app.command.api.ReviseProgramDetails;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepAdded;
import org.rekindle.content.app.command.api.StepEdited;
import org.rekindle.content.app.command.api.StepKind;
import org.rekindle.content.app.command.api.StepMoved;
import org.rekindle.content.app.command.api.StepRemoved;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;

import java.time.Instant;
import java.util.List;

/** Every program command: what it records when valid and why it is refused when not (nothing recorded then). */
class ProgramTest {

    private static final String P = "p1";
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Step PROMPT = new Step("why", StepKind.REFLECTION_PROMPT, "Why did it end?", "Write it down.",
                                                0, 3, "why", null, null);
    private static final Step NO_CONTACT = new Step("nc", StepKind.NO_CONTACT_PERIOD, "No contact", "Thirty days.",
                                                    7, 30, null, 30, null);

    private FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Program.class);
    }

    private static Object[] drafted() {
        return new Object[]{new ProgramDrafted(P, "Reconnect", "Nine stages"), new PhaseAdded(P, "understand", "Understand"),
                new StepAdded(P, "understand", PROMPT)};
    }

    private static Object[] published() {
        return new Object[]{new ProgramDrafted(P, "Reconnect", "Nine stages"), new PhaseAdded(P, "understand", "Understand"),
                new StepAdded(P, "understand", PROMPT),
                new ProgramVersionPublished(P, 1, "Reconnect", "Nine stages",
                                            List.of(new Phase("understand", "Understand", List.of(PROMPT))), AT)};
    }

    @Test
    void draftingNeedsAnIdATitleAndASummary() {
        fixture.givenNoPriorActivity().when(new DraftProgram(P, "Reconnect", "Nine stages"))
               .expectEvents(new ProgramDrafted(P, "Reconnect", "Nine stages"));
        fixture.givenNoPriorActivity().when(new DraftProgram("Bad Id", "t", "s"))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new DraftProgram(P, " ", "s"))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new DraftProgram(P, "t", "x".repeat(2_001)))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void detailsCanBeRevised() {
        fixture.given(drafted()).when(new ReviseProgramDetails(P, "Rekindle", "New summary"))
               .expectEvents(new ProgramDetailsRevised(P, "Rekindle", "New summary"));
        fixture.given(drafted()).when(new ReviseProgramDetails(P, "", "s"))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void phasesHaveUniqueIds() {
        fixture.given(drafted()).when(new AddPhase(P, "own-part", "Own your part"))
               .expectEvents(new PhaseAdded(P, "own-part", "Own your part"));
        fixture.given(drafted()).when(new AddPhase(P, "understand", "Again"))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(drafted()).when(new RemovePhase(P, "understand"))
               .expectEvents(new PhaseRemoved(P, "understand"));
        fixture.given(drafted()).when(new RemovePhase(P, "nope"))
               .expectException(UnknownEntityException.class).expectNoEvents();
    }

    @Test
    void stepsAreValidatedByKind() {
        fixture.given(drafted()).when(new AddStep(P, "understand", NO_CONTACT))
               .expectEvents(new StepAdded(P, "understand", NO_CONTACT));
        fixture.given(drafted()).when(new AddStep(P, "understand",
                        new Step("x", StepKind.REFLECTION_PROMPT, "t", "g", 0, null, null, null, null)))
               .expectException(InvalidCommandException.class).expectExceptionMessage("promptId is required for a REFLECTION_PROMPT step")
               .expectNoEvents();
        fixture.given(drafted()).when(new AddStep(P, "understand",
                        new Step("x", StepKind.READING, "t", "g", 0, null, null, 30, null)))
               .expectException(InvalidCommandException.class).expectExceptionMessage("targetDays only applies to a NO_CONTACT_PERIOD step")
               .expectNoEvents();
        fixture.given(drafted()).when(new AddStep(P, "understand",
                        new Step("x", StepKind.NO_CONTACT_PERIOD, "t", "g", 0, null, null, 400, null)))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(drafted()).when(new AddStep(P, "understand",
                        new Step("x", StepKind.MOOD_CHECK_IN_HABIT, "t", "g", -1, null, null, null, 7)))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(drafted()).when(new AddStep(P, "nope", NO_CONTACT))
               .expectException(UnknownEntityException.class).expectNoEvents();
        fixture.given(drafted()).when(new AddStep(P, "understand", PROMPT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void stepsCanBeEditedAndRemoved() {
        Step edited = new Step("why", StepKind.REFLECTION_PROMPT, "Why?", "Shorter.", 1, null, "why", null, null);
        fixture.given(drafted()).when(new EditStep(P, edited)).expectEvents(new StepEdited(P, edited));
        fixture.given(drafted()).when(new EditStep(P, NO_CONTACT))
               .expectException(UnknownEntityException.class).expectNoEvents();
        fixture.given(drafted()).when(new RemoveStep(P, "why")).expectEvents(new StepRemoved(P, "why"));
        fixture.given(drafted()).when(new RemoveStep(P, "nope"))
               .expectException(UnknownEntityException.class).expectNoEvents();
    }

    @Test
    void aStepMovesWithinItsPhaseAndThePublishedVersionKeepsTheNewOrder() {
        Step reading = new Step("read", StepKind.READING, "Read", "A chapter.", 2, null, null, null, null);
        Object[] threeSteps = {new StepAdded(P, "understand", NO_CONTACT), new StepAdded(P, "understand", reading)};
        fixture.given(drafted()).andGiven(threeSteps).when(new MoveStep(P, "read", 1))
               .expectEvents(new StepMoved(P, "read", 1));
        fixture.given(drafted()).andGiven(threeSteps).andGiven(new StepMoved(P, "read", 1))
               .when(new PublishProgramVersion(P, AT))
               .expectEvents(new ProgramVersionPublished(P, 1, "Reconnect", "Nine stages",
                       List.of(new Phase("understand", "Understand", List.of(reading, PROMPT, NO_CONTACT))), AT));
        fixture.given(drafted()).andGiven(threeSteps).andGiven(new StepMoved(P, "why", 3))
               .when(new PublishProgramVersion(P, AT))
               .expectEvents(new ProgramVersionPublished(P, 1, "Reconnect", "Nine stages",
                       List.of(new Phase("understand", "Understand", List.of(NO_CONTACT, reading, PROMPT))), AT));
    }

    @Test
    void aMoveThatChangesNothingRecordsNothingSoThereIsNothingNewToPublish() {
        fixture.given(published()).when(new MoveStep(P, "why", 1)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aMoveNeedsAKnownStepAPlaceInItsPhaseAndAProgramStillInUse() {
        fixture.given(drafted()).andGiven(new StepAdded(P, "understand", NO_CONTACT)).when(new MoveStep(P, "why", 3))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("position must be between 1 and 2, the number of steps in its phase")
               .expectNoEvents();
        fixture.given(drafted()).andGiven(new StepAdded(P, "understand", NO_CONTACT)).when(new MoveStep(P, "why", 0))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(drafted()).when(new MoveStep(P, "why", 2))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("position must be 1: the step is the only one in its phase").expectNoEvents();
        fixture.given(drafted()).when(new MoveStep(P, "nope", 1))
               .expectException(UnknownEntityException.class).expectNoEvents();
        fixture.given(drafted()).andGiven(new PhaseAdded(P, "later", "Later"), new StepAdded(P, "later", NO_CONTACT))
               .when(new MoveStep(P, "nc", 2))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(published()).andGiven(new StepAdded(P, "understand", NO_CONTACT), new ProgramRetired(P, AT))
               .when(new MoveStep(P, "nc", 1))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void publishingMakesNumberedImmutableVersions() {
        fixture.given(drafted()).when(new PublishProgramVersion(P, AT))
               .expectResultMessagePayload(1)
               .expectEvents(new ProgramVersionPublished(P, 1, "Reconnect", "Nine stages",
                                                         List.of(new Phase("understand", "Understand", List.of(PROMPT))),
                                                         AT));
        fixture.given(published()).when(new PublishProgramVersion(P, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(published()).andGiven(new StepAdded(P, "understand", NO_CONTACT))
               .when(new PublishProgramVersion(P, AT))
               .expectResultMessagePayload(2)
               .expectEvents(new ProgramVersionPublished(P, 2, "Reconnect", "Nine stages",
                       List.of(new Phase("understand", "Understand", List.of(PROMPT, NO_CONTACT))), AT));
    }

    @Test
    void anEmptyProgramCannotBePublished() {
        fixture.given(new ProgramDrafted(P, "t", "s"), new PhaseAdded(P, "a", "A"))
               .when(new PublishProgramVersion(P, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void aRetiredProgramTakesNoMoreChanges() {
        fixture.given(published()).when(new RetireProgram(P, AT)).expectEvents(new ProgramRetired(P, AT));
        fixture.given(published()).andGiven(new ProgramRetired(P, AT)).when(new RetireProgram(P, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(published()).andGiven(new ProgramRetired(P, AT)).when(new AddPhase(P, "more", "More"))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(published()).andGiven(new ProgramRetired(P, AT)).when(new PublishProgramVersion(P, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }
}
