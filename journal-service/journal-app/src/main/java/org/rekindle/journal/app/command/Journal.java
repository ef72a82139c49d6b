package org.rekindle.journal.app.command;

import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.command.InvalidCommandException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.ChangeConsent;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.CompleteReflection;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.journal.app.command.api.EndNoContactPeriod;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EraseJournal;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.RecordBreach;
import org.rekindle.journal.app.command.api.RecordMoodCheckIn;
import org.rekindle.journal.app.command.api.RecordUrge;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ReviseApology;
import org.rekindle.journal.app.command.api.RecordSharedRead;
import org.rekindle.journal.app.command.api.SafetyConcernRaised;
import org.rekindle.journal.app.command.api.ScreenedField;
import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.rekindle.journal.app.command.api.ShareEntry;
import org.rekindle.journal.app.command.api.SharedEntriesRead;
import org.rekindle.journal.app.command.api.StartNoContactPeriod;
import org.rekindle.journal.app.command.api.UnshareEntry;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.journal.app.command.api.RecordWellBeingCheckIn;
import org.rekindle.journal.app.command.api.WellBeingCheckedIn;
import org.rekindle.journal.app.command.api.ErasePerson;
import org.rekindle.journal.app.command.api.MarkPerson;
import org.rekindle.journal.app.command.api.PersonErased;
import org.rekindle.journal.app.command.api.PersonMarked;
import org.rekindle.journal.app.command.api.PersonRenamed;
import org.rekindle.journal.app.command.api.RenamePerson;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ResealJournalTexts;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.journal.app.command.persons.PersonRules;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rekindle.journal.app.command.JournalRules.MAX_ID;
import static org.rekindle.journal.app.command.JournalRules.MAX_NOTE;
import static org.rekindle.journal.app.command.JournalRules.MAX_REASON;
import static org.rekindle.journal.app.command.JournalRules.MAX_TEXT;
import static org.rekindle.journal.app.command.JournalRules.requireAtMost;
import static org.rekindle.journal.app.command.JournalRules.requireBetween;
import static org.rekindle.journal.app.command.JournalRules.requireId;
import static org.rekindle.journal.app.command.JournalRules.requireNotInFuture;
import static org.rekindle.journal.app.command.JournalRules.requireText;
import static org.rekindle.journal.app.command.JournalRules.wholeDays;

/**
 * One client's journal and contact log. Command handlers validate and decide; state changes only in the
 * event-sourcing handlers. The journal comes into being with its first command ({@link JournalOpened}).
 */
@Aggregate(snapshotTriggerDefinition = "journalSnapshotTrigger", cache = "journalCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Journal {

    @AggregateIdentifier
    private String clientId;
    private ActivePeriod activePeriod;
    private Set<String> endedPeriodIds = new HashSet<>();
    private Instant lastContactLogAt;
    private Map<String, EntryState> entries = new HashMap<>();
    private boolean erased;
    private Set<CoachView> coachSees;
    /** The ISO weeks the client answered the WHO-5 in: one check-in a week. */
    private Set<String> wellBeingWeeks = new HashSet<>();
    /** The persons the client marked, each with whether they were erased since. */
    private Map<String, Boolean> persons = new HashMap<>();

    protected Journal() {
        // for Axon and for snapshots
    }

    // ---- contact log

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartNoContactPeriod command, Clock clock) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("periodId", command.periodId());
        requireBetween("targetDays", command.targetDays(), 1, 365);
        if (activePeriod != null) {
            throw new ConflictingCommandException("A no-contact period is already running since "
                                               + activePeriod.startedAt() + "; end it before starting another.");
        }
        requireInTimeOrder(command.occurredAt());
        openIfNew(command.clientId(), command.occurredAt());
        apply(new NoContactStarted(command.clientId(), command.periodId(), command.targetDays(),
                                   command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBreach command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("breachId", command.breachId());
        requireAtMost("note", command.note(), MAX_NOTE);
        if (command.channel() == null) {
            throw new InvalidCommandException("channel", "must be given");
        }
        if (command.initiatedBy() == null) {
            throw new InvalidCommandException("initiatedBy", "must be given");
        }
        if (activePeriod == null) {
            throw new ConflictingCommandException("No no-contact period is running; start one to log contact as a "
                                               + "breach.");
        }
        if (command.occurredAt().isBefore(activePeriod.attemptStartedAt())) {
            throw new ConflictingCommandException("The breach is dated before the current attempt started ("
                                               + activePeriod.attemptStartedAt() + ").");
        }
        requireInTimeOrder(command.occurredAt());
        apply(new NoContactBroken(clientId, activePeriod.periodId(), command.breachId(), command.channel(),
                                  command.initiatedBy(), cipher.seal(clientId, command.note()),
                                  wholeDays(activePeriod.attemptStartedAt(), command.occurredAt()),
                                  command.occurredAt()));
        raiseIfRisky(screen, clock, command.breachId(), ScreenedField.BREACH_NOTE, command.note(),
                     command.occurredAt());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EndNoContactPeriod command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireAtMost("reason", command.reason(), MAX_REASON);
        if (endedPeriodIds.contains(command.periodId())) {
            throw new ConflictingCommandException("The no-contact period '" + command.periodId()
                                               + "' has already ended.");
        }
        if (activePeriod == null || !activePeriod.periodId().equals(command.periodId())) {
            throw new UnknownEntityException("running no-contact period", command.periodId());
        }
        if (command.occurredAt().isBefore(activePeriod.attemptStartedAt())) {
            throw new ConflictingCommandException("The end is dated before the current attempt started ("
                                               + activePeriod.attemptStartedAt() + ").");
        }
        requireInTimeOrder(command.occurredAt());
        apply(new NoContactEnded(clientId, command.periodId(), cipher.seal(clientId, command.reason()),
                                 wholeDays(activePeriod.attemptStartedAt(), command.occurredAt()),
                                 command.occurredAt()));
        raiseIfRisky(screen, clock, command.periodId(), ScreenedField.NO_CONTACT_END_REASON, command.reason(),
                     command.occurredAt());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordUrge command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("urgeId", command.urgeId());
        requireAtMost("note", command.note(), MAX_NOTE);
        requireInTimeOrder(command.occurredAt());
        openIfNew(command.clientId(), command.occurredAt());
        apply(new UrgeRecorded(command.clientId(), command.urgeId(), command.resisted(),
                               cipher.seal(command.clientId(), command.note()), command.occurredAt()));
        raiseIfRisky(screen, clock, command.urgeId(), ScreenedField.URGE_NOTE, command.note(), command.occurredAt());
    }

    // ---- entries

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CompleteReflection command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("entryId", command.entryId());
        requireText("promptId", command.promptId(), MAX_ID);
        requireText("text", command.text(), MAX_TEXT);
        requireNewEntry(command.entryId());
        openIfNew(command.clientId(), command.occurredAt());
        apply(new ReflectionCompleted(command.clientId(), command.entryId(), command.promptId(),
                                      cipher.seal(command.clientId(), command.text()), command.occurredAt()));
        raiseIfRisky(screen, clock, command.entryId(), ScreenedField.REFLECTION_TEXT, command.text(),
                     command.occurredAt());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftApology command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("entryId", command.entryId());
        requireText("text", command.text(), MAX_TEXT);
        requireNewEntry(command.entryId());
        openIfNew(command.clientId(), command.occurredAt());
        apply(new ApologyDrafted(command.clientId(), command.entryId(), cipher.seal(command.clientId(), command.text()),
                                 1, command.occurredAt()));
        raiseIfRisky(screen, clock, command.entryId(), ScreenedField.APOLOGY_TEXT, command.text(),
                     command.occurredAt());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(ReviseApology command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireText("text", command.text(), MAX_TEXT);
        EntryState apology = requireEntry(command.entryId());
        if (apology.kind() != EntryKind.APOLOGY) {
            throw new ConflictingCommandException("Entry '" + command.entryId() + "' is not an apology draft.");
        }
        if (command.text().equals(cipher.open(clientId, apology.latestText()))) {
            throw new ConflictingCommandException("The revision is the same as version " + apology.version() + ".");
        }
        int version = apology.version() + 1;
        apply(new ApologyRevised(clientId, command.entryId(), cipher.seal(clientId, command.text()), version,
                                 command.occurredAt()));
        raiseIfRisky(screen, clock, command.entryId(), ScreenedField.APOLOGY_TEXT, command.text(),
                     command.occurredAt());
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMoodCheckIn command, Clock clock, TextCipher cipher, SafetyScreen screen) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("entryId", command.entryId());
        requireBetween("score", command.score(), 1, 5);
        if (command.sleepHours() != null) {
            requireBetween("sleepHours", command.sleepHours(), 0, 24);
        }
        requireAtMost("note", command.note(), MAX_NOTE);
        requireNewEntry(command.entryId());
        openIfNew(command.clientId(), command.occurredAt());
        apply(new MoodCheckedIn(command.clientId(), command.entryId(), command.score(),
                                cipher.seal(command.clientId(), command.note()), command.sleepHours(),
                                command.occurredAt()));
        raiseIfRisky(screen, clock, command.entryId(), ScreenedField.MOOD_NOTE, command.note(), command.occurredAt());
    }

    /**
     * One WHO-5 a week: a second answer in the same week is refused, not taken as a replacement, so the trend (and
     * an alert raised on a week's score) always rests on the first answer given; the next week is open again.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordWellBeingCheckIn command, Clock clock) {
        requireNotInFuture(command.occurredAt(), clock);
        requireId("checkInId", command.checkInId());
        Who5.requireAnswers(command.items());
        Who5.requireWeekOf(command.week(), command.occurredAt());
        if (wellBeingWeeks != null && wellBeingWeeks.contains(command.week())) {
            throw new ConflictingCommandException("The WHO-5 for week " + command.week() + " is already answered; "
                                                  + "the next one is due next week.");
        }
        openIfNew(command.clientId(), command.occurredAt());
        int raw = Who5.rawScore(command.items());
        apply(new WellBeingCheckedIn(command.clientId(), command.checkInId(), java.util.List.copyOf(command.items()),
                                     raw, Who5.percentage(raw), command.week(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ShareEntry command, Clock clock) {
        requireNotInFuture(command.occurredAt(), clock);
        if (!requireEntry(command.entryId()).shared()) {
            apply(new EntryShared(clientId, command.entryId(), command.occurredAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnshareEntry command, Clock clock) {
        requireNotInFuture(command.occurredAt(), clock);
        if (requireEntry(command.entryId()).shared()) {
            apply(new EntryUnshared(clientId, command.entryId(), command.occurredAt()));
        }
    }

    // ---- consent

    /** The client's whole choice of what their coach sees; choosing what is already chosen changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeConsent command, Clock clock) {
        requireNotInFuture(command.changedAt(), clock);
        if (command.coachSees() == null || command.coachSees().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidCommandException("coachSees", "must list what the coach may see (an empty list "
                                                           + "shows nothing but shared entries)");
        }
        Set<CoachView> chosen = Set.copyOf(command.coachSees());
        openIfNew(command.clientId(), command.changedAt());
        if (!chosen.equals(coachSees())) {
            apply(new ConsentChanged(command.clientId(), chosen, command.changedAt()));
        }
    }

    /** What the coach may see now: the client's last choice, or the default if they never chose. */
    private Set<CoachView> coachSees() {
        return coachSees == null ? CoachView.DEFAULT : coachSees;
    }

    /** Erasing deletes the client's data key: everything they wrote becomes unreadable, wherever it is stored. */
    @CommandHandler
    void handle(EraseJournal command, TextCipher cipher) {
        apply(new JournalErased(clientId, command.erasedAt()));
        cipher.erase(clientId);
    }

    /**
     * Nothing reaches an erased journal: no new text, no shares, no reads recorded. Consent stays the client's to
     * change: it is a choice about what their coach sees from now on (of the plan, which erasure does not end).
     */
    @CommandHandlerInterceptor
    Object refuseWhenErased(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (erased && !(command.getPayload() instanceof ChangeConsent)) {
            throw new ConflictingCommandException("This journal was erased at the client's request; nothing more "
                                                  + "can be written to it.");
        }
        return chain.proceed();
    }

    // ---- persons named in the texts

    /**
     * Marks a person: their key is made and their names are found in every text sealed from now on (the re-seal
     * brings the texts written before under it too).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkPerson command, Clock clock, TextCipher cipher) {
        requireNotInFuture(command.markedAt(), clock);
        requireId("personId", command.personId());
        String label = PersonRules.requireLabel(command.label());
        java.util.List<String> names = PersonRules.requireNames(command.names());
        if (persons().containsKey(command.personId())) {
            throw new ConflictingCommandException("A person with id '" + command.personId() + "' is already marked.");
        }
        if (persons().size() >= PersonRules.MAX_PERSONS) {
            throw new ConflictingCommandException("At most " + PersonRules.MAX_PERSONS + " persons can be marked.");
        }
        openIfNew(command.clientId(), command.markedAt());
        cipher.keepPerson(command.clientId(), command.personId(), names);
        apply(new PersonMarked(command.clientId(), command.personId(),
                               cipher.sealForPerson(command.clientId(), command.personId(), label),
                               sealedNames(cipher, command.clientId(), command.personId(), names),
                               command.markedAt()));
    }

    @CommandHandler
    void handle(RenamePerson command, Clock clock, TextCipher cipher) {
        requireNotInFuture(command.renamedAt(), clock);
        String label = PersonRules.requireLabel(command.label());
        java.util.List<String> names = PersonRules.requireNames(command.names());
        requireLivePerson(command.personId());
        cipher.keepPerson(clientId, command.personId(), names);
        apply(new PersonRenamed(clientId, command.personId(), cipher.sealForPerson(clientId, command.personId(), label),
                                sealedNames(cipher, clientId, command.personId(), names), command.renamedAt()));
    }

    /** Irreversible: the person's key is deleted. Erasing an erased person changes nothing. */
    @CommandHandler
    void handle(ErasePerson command, Clock clock, TextCipher cipher) {
        requireNotInFuture(command.erasedAt(), clock);
        if (!persons().containsKey(command.personId())) {
            throw new UnknownEntityException("person", command.personId());
        }
        if (!persons().get(command.personId())) {
            apply(new PersonErased(clientId, command.personId(), command.erasedAt()));
            cipher.erasePerson(clientId, command.personId());
        }
    }

    /** The journal's texts as sealed again by the re-seal (only texts of this journal's records are taken). */
    @CommandHandler
    void handle(ResealJournalTexts command, Clock clock) {
        requireNotInFuture(command.resealedAt(), clock);
        java.util.List<ResealedText> texts = command.texts() == null ? java.util.List.of() : command.texts().stream()
                .filter(text -> text != null && text.text() != null && text.kind() != ResealedText.Kind.COACH_NOTE
                                && text.kind() != ResealedText.Kind.MESSAGE).toList();
        if (!texts.isEmpty()) {
            apply(new JournalTextsResealed(clientId, texts, command.resealedAt()));
        }
    }

    private void requireLivePerson(String personId) {
        Boolean erasedPerson = persons().get(personId);
        if (erasedPerson == null) {
            throw new UnknownEntityException("person", personId);
        }
        if (erasedPerson) {
            throw new ConflictingCommandException("This person was erased at the client's request; a new person can "
                                                  + "be marked instead.");
        }
    }

    private static java.util.List<String> sealedNames(TextCipher cipher, String clientId, String personId,
                                                      java.util.List<String> names) {
        return names.stream().map(name -> cipher.sealForPerson(clientId, personId, name)).toList();
    }

    private Map<String, Boolean> persons() {
        if (persons == null) {
            persons = new HashMap<>(); // a snapshot taken before persons could be marked
        }
        return persons;
    }

    /** Records what a reader saw of the shared entries; entries that are not (or no longer) shared are not listed. */
    @CommandHandler
    void handle(RecordSharedRead command) {
        java.util.List<String> shared = command.entryIds().stream()
                .filter(id -> entries.containsKey(id) && entries.get(id).shared()).distinct().toList();
        if (!shared.isEmpty()) {
            apply(new SharedEntriesRead(clientId, command.readerId(), shared, command.readAt()));
        }
    }

    /**
     * Screens a text the client wrote (before it is sealed, so the plain text is still at hand): a match records
     * {@link SafetyConcernRaised} beside the record, which itself is stored unchanged.
     */
    private void raiseIfRisky(SafetyScreen screen, Clock clock, String entryId, ScreenedField field, String text,
                              Instant occurredAt) {
        screen.check(text).ifPresent(match -> apply(new SafetyConcernRaised(
                clientId, entryId, field, match.riskClass().name(), match.language(), match.listVersion(),
                occurredAt, clock.instant())));
    }

    // ---- checks that need the journal's state

    private void openIfNew(String clientId, Instant at) {
        if (this.clientId == null) {
            apply(new JournalOpened(clientId, at));
        }
    }

    private void requireInTimeOrder(Instant occurredAt) {
        if (lastContactLogAt != null && occurredAt.isBefore(lastContactLogAt)) {
            throw new ConflictingCommandException("The contact log already has a record at " + lastContactLogAt
                                               + "; records are kept in time order.");
        }
    }

    private void requireNewEntry(String entryId) {
        if (entries.containsKey(entryId)) {
            throw new ConflictingCommandException("An entry with id '" + entryId + "' already exists.");
        }
    }

    private EntryState requireEntry(String entryId) {
        EntryState entry = entries.get(entryId);
        if (entry == null) {
            throw new UnknownEntityException("entry", entryId);
        }
        return entry;
    }

    // ---- state changes

    @EventSourcingHandler
    void on(JournalOpened event) {
        clientId = event.clientId();
    }

    @EventSourcingHandler
    void on(NoContactStarted event) {
        activePeriod = new ActivePeriod(event.periodId(), event.targetDays(), event.startedAt(), event.startedAt());
        lastContactLogAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(NoContactBroken event) {
        activePeriod = activePeriod.restartedAt(event.occurredAt());
        lastContactLogAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(NoContactEnded event) {
        endedPeriodIds.add(event.periodId());
        activePeriod = null;
        lastContactLogAt = event.endedAt();
    }

    @EventSourcingHandler
    void on(UrgeRecorded event) {
        lastContactLogAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(ReflectionCompleted event) {
        entries.put(event.entryId(), EntryState.created(EntryKind.REFLECTION, null));
    }

    @EventSourcingHandler
    void on(ApologyDrafted event) {
        entries.put(event.entryId(), EntryState.created(EntryKind.APOLOGY, event.text()));
    }

    @EventSourcingHandler
    void on(ApologyRevised event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.revised(event.text(), event.version()));
    }

    @EventSourcingHandler
    void on(MoodCheckedIn event) {
        entries.put(event.entryId(), EntryState.created(EntryKind.MOOD_CHECK_IN, null));
    }

    @EventSourcingHandler
    void on(WellBeingCheckedIn event) {
        if (wellBeingWeeks == null) {
            wellBeingWeeks = new HashSet<>(); // a snapshot taken before WHO-5 check-ins existed
        }
        wellBeingWeeks.add(event.week());
    }

    @EventSourcingHandler
    void on(JournalTextsResealed event) {
        event.texts().stream().filter(text -> text.kind() == ResealedText.Kind.APOLOGY_VERSION).forEach(
                text -> entries.computeIfPresent(text.recordId(), (id, entry) -> entry.version() == text.number()
                        ? entry.revised(text.text(), entry.version()) : entry));
    }

    @EventSourcingHandler
    void on(PersonMarked event) {
        persons().put(event.personId(), false);
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        persons().put(event.personId(), true);
    }

    @EventSourcingHandler
    void on(JournalErased event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(EntryShared event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.sharing(true));
    }

    @EventSourcingHandler
    void on(ConsentChanged event) {
        coachSees = Set.copyOf(event.coachSees());
    }

    @EventSourcingHandler
    void on(EntryUnshared event) {
        entries.computeIfPresent(event.entryId(), (id, entry) -> entry.sharing(false));
    }
}
