package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds the demo practice through journal-service's REST API, once per data folder: a marker document in the
 * local stack's own database records that it was done, so a second start adds nothing.
 */
final class DemoSeeder implements DemoJournal {

    static final String MARKER_DATABASE = "rekindle-local";
    static final String MARKER_ID = "demo-practice-v1";

    /** How often the seed looks again for what another service learns over Kafka (a program, a completed step). */
    private static final long POLL_MILLIS = 50;

    private final String mongoUri;
    private final String journalUrl;
    private final String planUrl;
    private final String notificationUrl;
    private final DemoLogins logins;
    private final StartupReport report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    DemoSeeder(String mongoUri, String journalUrl, String planUrl, String notificationUrl, DemoLogins logins,
               StartupReport report) {
        this.report = report;
        this.mongoUri = mongoUri;
        this.journalUrl = journalUrl;
        this.planUrl = planUrl;
        this.notificationUrl = notificationUrl;
        this.logins = logins;
    }

    /** Seeds unless already seeded, reporting its steps as it goes; returns a line saying what happened. */
    String seedOnce() {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> seeds = mongo.getDatabase(MARKER_DATABASE).getCollection("seeds");
            Document marker = seeds.find(Filters.eq("_id", MARKER_ID)).first();
            if (marker != null) {
                return "already seeded on " + marker.getDate("seededAt").toInstant() + "\n" + DemoPractice.SUMMARY.indent(3);
            }
            if (journalExists(DemoPractice.SAM)) {
                return "NOT seeded: demo clients exist but an earlier seed did not finish. Stop the stack and "
                       + "delete the data folder to start fresh.";
            }
            long started = System.nanoTime();
            DemoPractice practice = new DemoPractice(Instant.now());
            Map<String, String> people = logins.notifiedPeople();
            StartupReport.Seeding seeding = report.seeding(people.size() + SeedSteps.of(practice));
            // Most of the seed's time is spent waiting for answers (each write answers once its read model holds it),
            // so the people, and then the clients' stories, are written side by side.
            InParallel.runEach(people.entrySet().stream().<Runnable>map(person -> () -> {
                reachableAt(person.getKey(), person.getValue());
                seeding.stepDone();
            }).toList());
            InParallel.runEach(practice.clients((client, timezone, startDate) -> {
                assignPlan(client, timezone, startDate);
                seeding.stepDone();
            }, SeedSteps.reporting(this, seeding::stepDone), (client, answeredStep, leaveOpen, skip) -> {
                settlePlan(client, answeredStep, leaveOpen, skip);
                seeding.stepDone();
            }));
            offerSessions();
            seeding.stepDone();
            seeds.insertOne(new Document("_id", MARKER_ID).append("seededAt", new java.util.Date())
                                                          .append("calls", calls.get()));
            return "seeded with " + calls.get() + " API calls in " + (System.nanoTime() - started) / 1_000_000
                   + " ms\n" + DemoPractice.SUMMARY.indent(3);
        }
    }

    /**
     * Assigns a plan from the default program, waiting until plan-service has learned that program version from
     * content-service's events (they travel over Kafka, so right after the first start it may take a moment).
     */
    void assignPlan(String client, String timezone, java.time.LocalDate startDate) {
        Map<String, Object> body = body("clientId", client, "coachId", DemoPractice.COACH,
                                        "programId", DemoPractice.PROGRAM, "programVersion", 1,
                                        "startDate", startDate.toString(), "timezone", timezone);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(planUrl + "/api/plans"))
                        .header("Content-Type", "application/json").header("Authorization", bearer(DemoPractice.COACH))
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                calls.incrementAndGet();
                if (response.statusCode() == 201) {
                    return;
                }
                if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("demo plan for " + client + " answered " + response.statusCode()
                                                    + ": " + response.body());
                }
                Thread.sleep(POLL_MILLIS);
            } catch (IOException e) {
                throw new IllegalStateException("demo seed could not reach plan-service", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** See {@link DemoPractice.PlanSettler}; the coach's marks go through plan-service's API like a coach's click. */
    void settlePlan(String client, String answeredStep, java.util.Set<String> leaveOpen,
                    Map<String, String> skip) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode plan = planOf(client);
        while (!"COMPLETED".equals(stepOf(plan, answeredStep).path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("demo plan of " + client + ": step " + answeredStep
                                                + " was not completed by the client's journal within 60 s");
            }
            sleep(POLL_MILLIS);
            plan = planOf(client);
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String planPath = planUrl + "/api/plans/" + plan.get("planId").asText() + "/steps/";
        for (JsonNode step : plan.get("steps")) {
            String stepId = step.get("stepId").asText();
            boolean dueBeforeToday = java.time.LocalDate.parse(step.get("dueDate").asText()).isBefore(today);
            if (!"OPEN".equals(step.path("status").asText()) || !dueBeforeToday || leaveOpen.contains(stepId)) {
                continue;
            }
            HttpRequest.Builder mark = HttpRequest.newBuilder(URI.create(planPath + stepId
                                                                         + (skip.containsKey(stepId) ? "/skip" : "/complete")))
                    .header("Authorization", bearer(DemoPractice.COACH));
            if (skip.containsKey(stepId)) {
                mark.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"reason\":" + json.valueToTree(skip.get(stepId)) + "}"));
            } else {
                mark.POST(HttpRequest.BodyPublishers.noBody());
            }
            try {
                send(mark);
            } catch (Refused e) {
                if (e.status != 409) {
                    throw e;
                }
                // the client's journal completed it meanwhile: theirs is the truer mark
            }
        }
    }

    private JsonNode planOf(String client) {
        JsonNode plans = send(HttpRequest.newBuilder(URI.create(planUrl + "/api/plans?clientId=" + client))
                                         .header("Authorization", bearer(DemoPractice.COACH)).GET());
        return plans.get(0);
    }

    private static JsonNode stepOf(JsonNode plan, String stepId) {
        for (JsonNode step : plan.get("steps")) {
            if (stepId.equals(step.get("stepId").asText())) {
                return step;
            }
        }
        throw new IllegalStateException("the demo program has no step " + stepId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gives a demo person their directory address in the local inbox (the rest of their preferences stay default). */
    void reachableAt(String userId, String email) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(notificationUrl + "/api/preferences/" + userId)).header("Content-Type", "application/json")
                    .header("Authorization", bearer(userId))
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body("email", email)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            calls.incrementAndGet();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("demo preferences of " + userId + " answered "
                                                + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("demo seed could not reach notification-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String reflect(String client, String promptId, String text, Instant at) {
        return post(client, "/journal/reflections", body("promptId", promptId, "text", text, "occurredAt", at))
                .get("entryId").asText();
    }

    @Override
    public String draftApology(String client, String text, Instant at) {
        return post(client, "/journal/apologies", body("text", text, "occurredAt", at)).get("entryId").asText();
    }

    @Override
    public void reviseApology(String client, String entryId, String text, Instant at) {
        post(client, "/journal/apologies/" + entryId + "/revisions", body("text", text, "occurredAt", at));
    }

    @Override
    public void checkIn(String client, int score, String note, Double sleepHours, Instant at) {
        post(client, "/journal/mood-check-ins",
             body("score", score, "note", note, "sleepHours", sleepHours, "occurredAt", at));
    }

    @Override
    public void wellBeing(String client, String zone, java.util.List<Integer> items, Instant at) {
        post(client, "/journal/well-being-check-ins", body("items", items, "zone", zone, "occurredAt", at));
    }

    @Override
    public void share(String client, String entryId) {
        send(HttpRequest.newBuilder(uri(client, "/journal/entries/" + entryId + "/share"))
                        .header("Authorization", bearer(client)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public String startNoContact(String client, int targetDays, Instant at) {
        return post(client, "/contact-log/no-contact-periods", body("targetDays", targetDays, "occurredAt", at))
                .get("periodId").asText();
    }

    @Override
    public void breach(String client, String channel, String initiatedBy, String note, Instant at) {
        post(client, "/contact-log/breaches",
             body("channel", channel, "initiatedBy", initiatedBy, "note", note, "occurredAt", at));
    }

    @Override
    public void urge(String client, boolean resisted, String note, Instant at) {
        post(client, "/contact-log/urges", body("resisted", resisted, "note", note, "occurredAt", at));
    }

    @Override
    public void endNoContact(String client, String periodId, String reason, Instant at) {
        post(client, "/contact-log/no-contact-periods/" + periodId + "/end", body("reason", reason, "occurredAt", at));
    }

    private boolean journalExists(String client) {
        try {
            return http.send(HttpRequest.newBuilder(uri(client, "/streak")).header("Authorization", bearer(client))
                                        .GET().build(),
                             HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new IllegalStateException("demo seed could not reach journal-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Maya offers her weekly slots. Nothing is booked: a booking tells Maya at once (feed and email), which would put
     * news of the seed itself at the top of her inbox; a client books on their Sessions page.
     */
    void offerSessions() {
        java.util.List<Map<String, Object>> slots = new java.util.ArrayList<>();
        for (java.time.DayOfWeek day : java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY)) {
            DemoPractice.CALENDAR_TIMES.forEach(time -> slots.add(body("day", day.name(), "start", time)));
        }
        try {
            send(HttpRequest.newBuilder(URI.create(journalUrl + "/api/coaches/" + DemoPractice.COACH
                                                   + "/calendar/availability"))
                         .header("Content-Type", "application/json").header("Authorization", bearer(DemoPractice.COACH))
                         .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(
                                 "zone", DemoPractice.CALENDAR_ZONE, "minutes", DemoPractice.SESSION_MINUTES,
                                 "slots", slots)))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                body.put((String) keyValues[i], keyValues[i + 1] instanceof Instant at ? at.toString()
                                                                                      : keyValues[i + 1]);
            }
        }
        return body;
    }

    private JsonNode post(String client, String path, Map<String, Object> body) {
        try {
            return send(HttpRequest.newBuilder(uri(client, path)).header("Content-Type", "application/json")
                                   .header("Authorization", bearer(client))
                                   .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String bearer(String userId) {
        return "Bearer " + logins.tokenOf(userId);
    }

    private URI uri(String client, String path) {
        return URI.create(journalUrl + "/api/clients/" + client + path);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            calls.incrementAndGet();
            if (response.statusCode() >= 300) {
                throw new Refused(response);
            }
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("demo seed could not reach journal-service", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A service refused a seed call; the status says how (409: already so). */
    static final class Refused extends IllegalStateException {

        final int status;

        Refused(HttpResponse<String> response) {
            super("demo seed call " + response.request().method() + " " + response.request().uri() + " answered "
                  + response.statusCode() + ": " + response.body());
            this.status = response.statusCode();
        }
    }
}
