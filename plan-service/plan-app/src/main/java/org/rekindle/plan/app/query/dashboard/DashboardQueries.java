package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.rekindle.platform.readmodel.ByIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.rekindle.plan.app.query.dashboard.DashboardDocuments.month;

/**
 * The dashboard's queries: a coach's rows most in need first, a client's row now or as it was (by either clock), the
 * timeline a page at a time, and the client's consent. Each reads the client's own documents by id, a bounded number
 * of them however long the history (see {@link DashboardDocuments}).
 */
@Component
public class DashboardQueries {

    private final DashboardDocuments documents;
    private final Clock clock;
    private final RowsInMemory<DashboardRow> inMemory;

    @Autowired
    DashboardQueries(DashboardDocuments documents, Clock clock,
                     @Value("${rekindle.dashboard.rows-in-memory:" + RowsInMemory.DEFAULT_CAPACITY + "}") int rowsInMemory) {
        this.documents = documents;
        this.clock = clock;
        this.inMemory = new RowsInMemory<>(rowsInMemory);
    }

    DashboardQueries(DashboardDocuments documents, Clock clock) {
        this(documents, clock, RowsInMemory.DEFAULT_CAPACITY);
    }

    /** Most in need first (by {@link Attention.Level}), then who did something last, then by id for a stable order. */
    static final Comparator<DashboardView> NEED_FIRST = Comparator
            .comparing((DashboardView v) -> Attention.Level.valueOf(v.attention()))
            .thenComparing(DashboardView::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DashboardView::clientId);

    /**
     * Every client of the coach, most in need first. Rows are read without their contact marks (they grow with the
     * history) and answered from the figures counted when each was stored; a row whose figures no longer hold (a
     * contact dated after they were counted has come due) is read again whole. Only the rows' versions are read when
     * this process holds the rows at those versions ({@link RowsInMemory}).
     */
    public List<DashboardView> coach(String coachId, Instant now) {
        List<DashboardView> views = new ArrayList<>();
        coachRows(coachId).forEach(row -> views.add(viewOf(row, now)));
        views.sort(NEED_FIRST);
        return views;
    }

    /**
     * The coach's rows without their marks: the coach's clients and their rows' versions from one small document
     * ({@link CoachRowVersions}), then in one query the rows not held in memory at those versions. A row that names
     * another coach (it moved, and the list has not caught up) is left out, held or read.
     */
    private List<DashboardRow> coachRows(String coachId) {
        List<DashboardRow> found = heldOrRead(documents.coachRows.of(coachId));
        found.removeIf(row -> !coachId.equals(row.coachId));
        return found;
    }

    public Optional<DashboardView> client(String clientId, Instant now) {
        return rowsWithoutMarks(Filters.eq("_id", clientId)).stream().findFirst().map(row -> viewOf(row, now));
    }

    private static final org.bson.conversions.Bson WITHOUT_MARKS = Projections.exclude("row.noContact", "row.breaches",
                                                                                      "seenIds", "seen");
    private static final org.bson.conversions.Bson VERSION_ONLY = Projections.include("written");

    /**
     * The matching rows without their marks: their versions first, then in one query the rows not held in memory at
     * those versions. A row rewritten between the two reads is kept at the version read with it.
     */
    private List<DashboardRow> rowsWithoutMarks(org.bson.conversions.Bson filter) {
        Map<String, String> versions = new LinkedHashMap<>();
        documents.rows.find(filter).projection(VERSION_ONLY)
                      .forEach(version -> versions.put(version.getString("_id"), version.getString("written")));
        return heldOrRead(versions);
    }

    /** These clients' rows (client → stored version) without their marks: held at that version, else read. */
    private List<DashboardRow> heldOrRead(Map<String, String> versions) {
        List<DashboardRow> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        versions.forEach((clientId, written) -> {
            DashboardRow kept = inMemory.at(clientId, written);
            if (kept == null) {
                missing.add(clientId);
            } else {
                found.add(kept);
            }
        });
        found.addAll(readWithoutMarks(missing));
        return found;
    }

    /** These clients' stored rows without their marks, in one query, kept in memory at the version read. */
    private List<DashboardRow> readWithoutMarks(List<String> clientIds) {
        List<DashboardRow> read = new ArrayList<>();
        if (!clientIds.isEmpty()) {
            ByIds.find(documents.rows, clientIds, WITHOUT_MARKS).forEach(doc -> {
                DashboardRow row = documents.read(doc);
                inMemory.keep(doc.getString("_id"), doc.getString("written"), row);
                read.add(row);
            });
        }
        return read;
    }

    /** The view at {@code now}; rows held in memory are shared, so a row is only read here, never changed. */
    private DashboardView viewOf(DashboardRow withoutMarks, Instant now) {
        DashboardRow row = withoutMarks;
        if (!row.noContactKnownAt(now)) {
            row = documents.read(documents.rows.find(Filters.eq("_id", withoutMarks.clientId)).first());
        }
        return row.asOf(now);
    }

    /**
     * The client's row now and as it would be with {@code change} (a {@code PlanBreachRulesChanged} not yet made):
     * the stored row is read twice, the change folded into the second copy; nothing is written. Empty when the client
     * has no row.
     */
    public Optional<RulesPreview> previewRulesChange(String clientId, String planId, boolean replyToExCountsAsBreach,
                                                     boolean exContactRestartsPeriod, Integer noContactTargetDays,
                                                     Instant effectiveAt, Instant now) {
        Document stored = documents.rows.find(Filters.eq("_id", clientId)).first();
        if (stored == null) {
            return Optional.empty();
        }
        Map<String, Object> rules = new java.util.HashMap<>();
        rules.put("replyToExCountsAsBreach", replyToExCountsAsBreach);
        rules.put("exContactRestartsPeriod", exContactRestartsPeriod);
        rules.put("noContactTargetDays", noContactTargetDays);
        ClientEvent change = new ClientEvent("preview", clientId, "PlanBreachRulesChanged", effectiveAt,
                                             Map.of("planId", planId, "rules", rules, "changedAt", now.toString()), now);
        DashboardRow after = documents.read(stored).apply(change);
        DashboardRow before = documents.read(stored);
        boolean progress = CoachConsent.of(before.asOf(now).coachSees()).sees(ConsentScope.PLAN_PROGRESS);
        return Optional.of(RulesPreview.of(RulesPreview.Figures.of(before, now), RulesPreview.Figures.of(after, now),
                                           progress));
    }

    /**
     * Time travel "as it happened": the row as it stood at {@code asOf}, from the client's row at the end of the month
     * before (see {@link MonthSnapshots}; folded and kept on first need) and the events of {@code asOf}'s month that
     * happened up to then, whenever they were recorded. Reads the client's own documents by id, a bounded number of
     * them however long the history.
     */
    public Optional<DashboardView> clientAsOf(String clientId, Instant asOf) {
        String target = month(asOf);
        return foldUpTo(clientId, target, target, event -> !event.time().isAfter(asOf), asOf);
    }

    /**
     * Time travel "as you saw it then": only what had been recorded by {@code seenAt}, so an event logged later and
     * dated earlier is left out. Months holding an event recorded after {@code seenAt} are folded again from the month
     * end before the first of them (a late arrival across a month's end is rare; usually this is the month asked).
     */
    public Optional<DashboardView> clientAsSeenAt(String clientId, Instant seenAt) {
        String target = month(seenAt);
        String from = documents.lateArrivals.earliestMonthRecordedAfter(clientId, seenAt).filter(m -> m.compareTo(target) < 0)
                                  .orElse(target);
        return foldUpTo(clientId, from, target,
                        event -> !event.time().isAfter(seenAt) && !event.recordedAt().isAfter(seenAt), seenAt);
    }

    /** The month-end row before {@code from}, then the events of {@code from}..{@code target} that {@code counts}. */
    private Optional<DashboardView> foldUpTo(String clientId, String from, String target,
                                             Predicate<ClientEvent> counts, Instant at) {
        List<String> months = documents.monthsOf(clientId).stream().sorted().toList();
        List<String> before = months.stream().filter(month -> month.compareTo(from) < 0).toList();
        List<String> folded = months.stream().filter(m -> m.compareTo(from) >= 0 && m.compareTo(target) <= 0)
                                    .toList();
        DashboardRow row = before.isEmpty() ? null : rowAtEndOf(clientId, before);
        List<ClientEvent> events = folded.isEmpty() ? List.of()
                                   : documents.eventsOf(clientId, folded, TimelineDays.day(at)).stream().filter(counts)
                                              .toList();
        if (row == null && events.isEmpty()) {
            return Optional.empty();
        }
        DashboardRow result = row == null ? new DashboardRow(clientId) : row;
        events.forEach(result::apply);
        result.coachSees = currentConsent(clientId);
        return Optional.of(result.asOf(at));
    }

    /** The row at the end of the last of these months (ascending): from the latest stored month end, folding on. */
    private DashboardRow rowAtEndOf(String clientId, List<String> months) {
        Document stored = documents.monthEnds.latest(clientId, months);
        String from = stored == null ? null : MonthSnapshots.monthOf(stored);
        DashboardRow row = stored == null ? new DashboardRow(clientId) : documents.readRow(stored.get("row", Document.class));
        String current = month(clock.instant());
        for (String month : months) {
            if (from != null && month.compareTo(from) <= 0) {
                continue;
            }
            documents.eventsOf(clientId, List.of(month)).forEach(row::apply);
            if (month.compareTo(current) < 0) {
                documents.monthEnds.save(clientId, month, documents.toDocument(row));
            }
        }
        return row;
    }

    /**
     * The latest {@code limit} events of the client that the client's current consent lets the coach see, oldest
     * first; with {@code beforeEventId} (the first event of the page before), the ones just before that event in the
     * timeline's order (time, then id), so events of the same instant are neither skipped nor repeated. The client's
     * days are read newest first, a few at a time, until the page is full: a first page costs the days it spans,
     * and a page further back also the days after it (its cursor is found on the way), however long the history
     * before it. Empty if the cursor is no event of this client.
     */
    public Optional<List<ClientEvent>> timelineForCoach(String clientId, String beforeEventId, int limit) {
        CoachConsent consent = consentOf(clientId);
        boolean pastCursor = beforeEventId == null;
        List<ClientEvent> page = new ArrayList<>();
        for (Iterator<ClientEvent> events = documents.newestFirst(clientId); events.hasNext() && page.size() < limit; ) {
            ClientEvent event = events.next();
            if (!pastCursor) {
                pastCursor = event.eventId().equals(beforeEventId);
            } else if (consent.showsType(event.type())) {
                page.add(event);
            }
        }
        if (!pastCursor) {
            return Optional.empty();
        }
        Collections.reverse(page);
        return Optional.of(consent.show(page));
    }

    /** Every event of the client, oldest first. */
    public List<ClientEvent> timeline(String clientId) {
        return documents.eventsOf(clientId, documents.monthsOf(clientId));
    }

    /** What the client lets their coach see now (the default until the client chooses). */
    public CoachConsent consentOf(String clientId) {
        return CoachConsent.of(currentConsent(clientId));
    }

    /**
     * The client's consent as it stands now (time travel shows the past only as far as today's consent allows): the
     * row's {@code coachSees} alone, not the whole row to parse.
     */
    private List<String> currentConsent(String clientId) {
        Document doc = documents.rows.find(Filters.eq("_id", clientId)).projection(Projections.include("row.coachSees")).first();
        Document row = doc == null ? null : doc.get("row", Document.class);
        return row == null ? null : row.getList("coachSees", String.class);
    }
}
