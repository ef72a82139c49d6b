package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanBreachRules;
import org.rekindle.plan.events.PlanBreachRulesChanged;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts and reminders end to end on the embedded stack: Kafka in, a real SMTP server out, the feed, the "why",
 * the delivery log; exactly once under redelivery; a reminder due while the service was down sent once on start.
 */
class AlertsAndRemindersIT extends NotificationServiceIT {

    @Test
    void aClientsBreachAlertsTheCoachByEmailAndFeedExactlyOnceEvenWhenDeliveredTwice() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "Europe/Lisbon");
        reachableAt(client, "Europe/Lisbon");
        assign(coach, client, Instant.now().minus(Duration.ofDays(10)));

        HttpClient sse = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = sse.sendAsync(HttpRequest.newBuilder(
                URI.create(http.base() + "/api/feed/" + coach + "/stream"))
                .header("Authorization", "Bearer " + org.rekindle.platform.testing.TestIssuer.get().coach(coach)).build(),
                HttpResponse.BodyHandlers.ofLines());

        Instant consented = Instant.now().minusSeconds(1);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client, new ConsentChanged(client,
                List.of("STREAK", "PLAN_PROGRESS", "MOOD_TREND", "CONTACT_DETAILS"), consented), consented);
        Instant now = Instant.now();
        String breachId = UUID.randomUUID().toString();
        String record = send(JournalTopic.NAME, breachId, NoContactBroken.TYPE, client,
                             new NoContactBroken(client, "period-1", "b1", "TEXT", "CLIENT", 9, now), now);
        sendRaw(JournalTopic.NAME, client, record);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mailsTo(coach)).hasSize(1);
            assertThat(feedOf(coach)).hasSize(1);
            assertThat(mailsTo(client)).as("the client is encouraged")
                    .filteredOn(m -> m.subject().startsWith("One moment")).hasSize(1);
        });
        EmbeddedSmtp.Message mail = mailsTo(coach).get(0);
        assertThat(mail.subject()).isEqualTo(client + " reported contact during no-contact");
        assertThat(mail.text()).contains("Why you got this");
        assertThat(mail.html()).contains("<a href=");
        assertThat(mailsTo(client)).filteredOn(m -> m.subject().startsWith("One moment")).first()
                .satisfies(m -> assertThat(m.text()).contains("The 9 days you managed still count"));

        JsonNode alert = feedOf(coach).get(0);
        assertThat(alert.get("rule").asText()).isEqualTo("BREACH_BY_CLIENT");
        assertThat(mail.text()).as("the link opens the alert's page in the web app, not the API")
                .contains("Open in Rekindle: http://127.0.0.1:8080/notifications/" + alert.get("id").asText());
        String line = CompletableFuture.supplyAsync(() -> stream.join().body()
                .filter(l -> l.startsWith("data:")).findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        assertThat(Json.parse(line.substring(5)).get("id").asText()).isEqualTo(alert.get("id").asText());

        JsonNode why = Json.parse(asCoach(coach).get("/api/notifications/" + alert.get("id").asText()).body());
        assertThat(as(client).get("/api/notifications/" + alert.get("id").asText()).statusCode())
                .as("someone else's alert").isEqualTo(403);
        assertThat(as(client).get("/api/feed/" + coach).statusCode()).as("someone else's feed").isEqualTo(403);
        assertThat(why.at("/notification/why").asText()).contains("initiated during a no-contact period");
        assertThat(why.at("/notification/causes/0/eventId").asText()).isEqualTo(breachId);
        assertThat(texts(why.get("deliveries"), "channel", "state")).contains("FEED SENT", "EMAIL QUEUED", "EMAIL SENT");

        assertThat(asCoach(coach).post("/api/feed/" + coach + "/" + alert.get("id").asText() + "/read", "").statusCode())
                .isEqualTo(204);
        assertThat(feedOf(coach).get(0).hasNonNull("readAt")).isTrue();
        assertThat(as("someone-else").post("/api/feed/someone-else/" + alert.get("id").asText() + "/read", "").statusCode())
                .as("not theirs").isEqualTo(404);
        Thread.sleep(1500);
        assertThat(mailsTo(coach)).as("still exactly one").hasSize(1);
    }

    @Test
    void aReminderThatFellDueWhileTheServiceWasDownIsSentOnceOnStart() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(client, "America/New_York");
        assign(coach, client, Instant.now().minus(Duration.ofDays(10)));
        Instant started = Instant.now().minus(Duration.ofDays(7)).plusSeconds(6);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
             new NoContactStarted(client, "period-1", 30, started), started);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("scheduled_work",
                                                                  "milestone:" + client + ":period-1:7"));

        stopService();
        Thread.sleep(Duration.between(Instant.now(), started.plus(Duration.ofDays(7))).toMillis() + 1000);
        assertThat(mailsTo(client)).as("nothing while down").noneMatch(m -> m.subject().startsWith("Day 7"));

        startService();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(client))
                .filteredOn(m -> m.subject().equals("Day 7 of no contact")).hasSize(1));
        stopService();
        startService();
        Thread.sleep(2000);
        assertThat(mailsTo(client)).filteredOn(m -> m.subject().equals("Day 7 of no contact")).as("once").hasSize(1);
        assertThat(feedOf(client)).extracting(n -> n.get("rule").asText()).containsOnlyOnce("NO_CONTACT_MILESTONE");
    }

    @Test
    void aFailedEmailIsLoggedWithItsReasonAndRetriedUntilTheServerIsBack() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        assign(coach, client, Instant.now().minus(Duration.ofDays(10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduled(client));
        smtp.stop();
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period-1", "b1", "CALL", "CLIENT", 2, now), now);
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), found -> found != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(Json.parse(asCoach(coach).get("/api/notifications/" + id)
                .body()).get("deliveries"), "channel", "state").contains("EMAIL FAILED"));

        smtp = EmbeddedSmtp.start(SMTP_PORT, 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mailsTo(coach)).hasSize(1));
        JsonNode deliveries = Json.parse(asCoach(coach).get("/api/notifications/" + id).body()).get("deliveries");
        assertThat(texts(deliveries, "channel", "state")).contains("EMAIL FAILED", "EMAIL SENT");
        assertThat(deliveries.findValuesAsText("reason")).anyMatch(reason -> reason.contains("Connection refused")
                                                                              || reason.contains("connect"));
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        assertThat(meters.get("rekindle.notifications.raised").counters()).as("raised, by rule")
                .anySatisfy(raised -> assertThat(raised.count()).isPositive());
        assertThat(deliveries(meters, "failed")).as("failed email attempts counted").isPositive();
        assertThat(deliveries(meters, "sent")).as("the email sent once the server is back").isEqualTo(1.0);
        assertThat(meters.get("rekindle.notifications.delivery.latency").tag("channel", "EMAIL").timer().count())
                .isEqualTo(1);
    }

    /**
     * The delivery marks the feed, pushes it and then queues the email: a runner that stopped in between (its claim
     * left RUNNING, the lease run out) is repaired by the next run, which finds the notification delivered and queues
     * the email the mark kept, once, without logging the feed again.
     */
    @Test
    void aDeliveryThatStoppedBeforeQueueingTheEmailQueuesItWhenRunAgain() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        Instant raised = Instant.now().minusSeconds(120);
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            var db = mongo.getDatabase("notification-it");
            db.getCollection("notifications").insertOne(new org.bson.Document("_id", id).append("key", "test:" + id)
                    .append("recipientId", coach).append("clientId", "client-x").append("coachId", coach)
                    .append("rule", "BREACH_REPORTED").append("kind", "ALERT").append("title", "Contact reported")
                    .append("body", "body").append("why", "why").append("causes", List.of())
                    .append("raisedAt", java.util.Date.from(raised)).append("deliverAt", java.util.Date.from(raised))
                    .append("deliveredAt", java.util.Date.from(raised)).append("inFeed", true)
                    .append("emailTo", coach + "@example.org"));
            db.getCollection("scheduled_work").insertOne(new org.bson.Document("_id", "notification-deliver:" + id)
                    .append("kind", "notification-deliver").append("dueAt", java.util.Date.from(raised))
                    .append("payload", new org.bson.Document("id", id)).append("state", "RUNNING").append("attempt", 1)
                    .append("leaseUntil", java.util.Date.from(Instant.now().minusSeconds(1))));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsTo(coach)).hasSize(1));
        JsonNode deliveries = Json.parse(asCoach(coach).get("/api/notifications/" + id).body()).get("deliveries");
        assertThat(texts(deliveries, "channel", "state")).containsExactly("EMAIL SENT");
    }

    private static double deliveries(MeterRegistry meters, String outcome) {
        return meters.get("rekindle.notifications.deliveries").tag("channel", "EMAIL").tag("outcome", outcome)
                     .counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestFlows() throws Exception {
        try (TopicRecorder dlt = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                   JournalTopic.NAME + ".notification-service.DLT")) {
            sendRaw(JournalTopic.NAME, "poison", "{not a cloud event");
            Instant now = Instant.now();
            send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, "impostor",
                 new NoContactBroken("client-someone-else", "p", "b", "TEXT", "CLIENT", 1, now), now);
            await().atMost(Duration.ofSeconds(60)).until(() -> dlt.recordsWithKey("poison").size() == 1
                                                               && dlt.recordsWithKey("impostor").size() == 1);
        }
        assertThat(as("a").get("/api/feed/a/b").statusCode()).isEqualTo(404);
        assertThat(as("a").get("/api/notifications/not-a-uuid").statusCode()).isEqualTo(400);
        assertThat(as("sam").put("/api/preferences/sam", "{\"timezone\":\"Mars/Olympus\"}").statusCode()).isEqualTo(400);
        assertThat(as("sam").put("/api/preferences/sam", "{\"email\":\"not an address\"}").statusCode()).isEqualTo(400);
        assertThat(as("sam").put("/api/preferences/sam", "{\"optedOut\":[\"PIGEON\"]}").statusCode()).isEqualTo(400);
        assertThat(as("priya").put("/api/preferences/sam", "{}").statusCode()).as("someone else's settings")
                .isEqualTo(403);
        assertThat(http.get("/api/feed/sam").statusCode()).as("no token").isEqualTo(401);
    }

    /** Whether the service has processed something of this client (its facts are stored). */
    @Test
    void optOutsAndQuietHoursAreHonouredAndLogged() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String optedOut = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String sleeping = "client-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(as(optedOut).put("/api/preferences/" + optedOut, "{\"email\":\"" + optedOut + "@example.org\","
                            + "\"quietFrom\":\"00:00\",\"quietUntil\":\"00:00\",\"optedOut\":[\"EMAIL\"]}")
                       .statusCode()).isEqualTo(200);
        java.time.LocalTime local = java.time.LocalTime.now(ZoneOffset.UTC);
        assertThat(as(sleeping).put("/api/preferences/" + sleeping, "{\"email\":\"" + sleeping + "@example.org\","
                            + "\"timezone\":\"UTC\",\"quietFrom\":\"" + local.minusHours(1).withSecond(0).withNano(0)
                            + "\",\"quietUntil\":\"" + local.plusHours(2).withSecond(0).withNano(0) + "\"}")
                       .statusCode()).isEqualTo(200);
        for (String client : List.of(optedOut, sleeping)) {
            assign(coach, client, Instant.now().minus(Duration.ofDays(1)));
            Instant now = Instant.now();
            send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
                 new NoContactBroken(client, "period-1", "b1", "TEXT", "EX", 4, now), now);
        }
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(optedOut).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), found -> found != null);
        JsonNode deliveries = Json.parse(as(optedOut).get("/api/notifications/" + id).body()).get("deliveries");
        assertThat(texts(deliveries, "channel", "state")).as("in the order written")
                .containsExactly("FEED SENT", "EMAIL SKIPPED");
        assertThat(deliveries.findValuesAsText("reason")).contains("the recipient opted out of email");
        assertThat(mailsTo(optedOut)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> stored("notification_clients", sleeping));
        Thread.sleep(2000);
        assertThat(feedOf(sleeping)).as("the reminder waits for the end of the quiet hours").isEmpty();
        assertThat(mailsTo(sleeping)).isEmpty();
    }

    /**
     * The coach's contact alert follows the plan's breach rules in force at the contact's time, as plan-service
     * publishes them: after a retroactive "answering the ex is no breach", the ex's call only encourages the client;
     * after a change back from today on, the next one alerts the coach, once, though delivered twice.
     */
    @Test
    void contactAlertsTheCoachOnlyWhenThePlansRulesInForceThenCountItAsABreach() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        reachableAt(client, "UTC");
        Instant start = Instant.now().minus(Duration.ofDays(10));
        LocalDate startDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        String planId = "plan-" + client;
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned(
                planId, client, coach, "p", 1, startDate, "UTC", true, List.of(), start), start);
        await().atMost(Duration.ofSeconds(30)).until(() -> factsOf(client).hasNonNull("coachId"));

        Instant changedAt = Instant.now();
        String change = send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanBreachRulesChanged.TYPE, client,
                             new PlanBreachRulesChanged(planId, client, PlanBreachRules.assigned(true),
                                                        new PlanBreachRules(false, false, null), startDate,
                                                        startDate.atStartOfDay(ZoneOffset.UTC).toInstant(), true,
                                                        "answering the ex is no breach", coach, changedAt), changedAt);
        sendRaw(PlanTopic.NAME, client, change);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> factsOf(client).path("contactRules").path("changes").size() == 1);
        Instant called = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period-1", "b1", "CALL", "EX", 9, called), called);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(client).stream()
                .anyMatch(m -> m.subject().startsWith("One moment")));
        Thread.sleep(2000);
        assertThat(feedOf(coach)).as("no breach under the rules in force: no alert").isEmpty();
        assertThat(mailsTo(coach)).isEmpty();

        Instant strictAt = Instant.now();
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanBreachRulesChanged.TYPE, client,
             new PlanBreachRulesChanged(planId, client, new PlanBreachRules(false, false, null),
                                        PlanBreachRules.assigned(true), LocalDate.ofInstant(strictAt, ZoneOffset.UTC),
                                        strictAt, false, "a reply is a breach again", coach, strictAt), strictAt);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> factsOf(client).path("contactRules").path("changes").size() == 2);
        Instant again = Instant.now();
        String record = send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
                             new NoContactBroken(client, "period-1", "b2", "TEXT", "EX", 0, again), again);
        sendRaw(JournalTopic.NAME, client, record);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).size() == 1 && mailsTo(coach).size() == 1);
        assertThat(feedOf(coach).get(0).get("rule").asText()).isEqualTo("BREACH_REPORTED");
        Thread.sleep(1000);
        assertThat(feedOf(coach)).as("exactly once").hasSize(1);
        assertThat(mailsTo(coach)).hasSize(1);
    }

    @Test
    void anErasedJournalTakesItsNotificationsAndFactsWithIt() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(client, "UTC"); // no quiet hours: the client's encouragement is not held until morning
        assign(coach, client, Instant.now().minus(Duration.ofDays(1)));
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "p1", "b1", "TEXT", "CLIENT", 2, now), now);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).size() == 1 && feedOf(client).size() == 1);
        String alert = feedOf(coach).get(0).get("id").asText();

        send(JournalTopic.NAME, UUID.randomUUID().toString(), org.rekindle.journal.events.JournalErased.TYPE, client,
             new org.rekindle.journal.events.JournalErased(client, Instant.now()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(feedOf(coach)).as("alerts about the client").isEmpty();
            assertThat(feedOf(client)).as("reminders to the client").isEmpty();
            assertThat(stored("notification_clients", client)).as("the facts kept of their journal").isFalse();
        });
        assertThat(asCoach(coach).get("/api/notifications/" + alert).statusCode()).isEqualTo(404);
    }

    /**
     * A delivery or email that falls due after its notification was erased (it was claimed before the erasure
     * cancelled it, say) finishes without sending anything, instead of failing again and again.
     */
    @Test
    void workDueForAnErasedNotificationFinishesWithoutSendingAnything() {
        org.rekindle.platform.schedule.WorkSchedule schedule =
                service.getBean(org.rekindle.platform.schedule.WorkSchedule.class);
        String erased = "erased-" + UUID.randomUUID();
        String delivery = org.rekindle.notification.app.engine.NotificationWork.DELIVERY.storedName() + ":" + erased;
        String email = org.rekindle.notification.app.engine.NotificationWork.EMAIL.storedName() + ":" + erased;
        schedule.schedule(delivery, org.rekindle.notification.app.engine.NotificationWork.DELIVERY, Instant.now(),
                          new org.bson.Document("id", erased));
        schedule.schedule(email, org.rekindle.notification.app.engine.NotificationWork.EMAIL, Instant.now(),
                          new org.bson.Document("id", erased).append("to", "someone@example.org"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(schedule.stateOf(delivery)).contains("DONE");
            assertThat(schedule.stateOf(email)).contains("DONE");
        });
        assertThat(smtp.messages()).noneMatch(m -> m.to().contains("someone@example.org"));
    }

    /**
     * A delivery that finds its notification being erased (marked, not yet deleted) puts nothing in the feed, leaves
     * no delivery log and counts no delivery: the notification was never delivered.
     */
    @Test
    void aDeliveryOfANotificationBeingErasedIsNotCountedAsSent() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        Instant raised = Instant.now();
        String rule = "SESSION_CANCELLED_BY_CLIENT";
        MeterRegistry meters = service.getBean(MeterRegistry.class);
        double sentBefore = feedDeliveries(meters, rule);
        org.rekindle.platform.schedule.WorkSchedule schedule =
                service.getBean(org.rekindle.platform.schedule.WorkSchedule.class);
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            mongo.getDatabase("notification-it").getCollection("notifications").insertOne(new org.bson.Document("_id", id)
                    .append("key", "test:" + id).append("recipientId", coach).append("clientId", "client-x")
                    .append("coachId", coach).append("rule", rule).append("kind", "ALERT").append("title", "Cancelled")
                    .append("body", "body").append("why", "why").append("causes", List.of())
                    .append("raisedAt", java.util.Date.from(raised)).append("deliverAt", java.util.Date.from(raised))
                    .append("erasing", true));
        }
        String delivery = org.rekindle.notification.app.engine.NotificationWork.DELIVERY.storedName() + ":" + id;
        schedule.schedule(delivery, org.rekindle.notification.app.engine.NotificationWork.DELIVERY, raised,
                          new org.bson.Document("id", id));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(schedule.stateOf(delivery)).contains("DONE"));
        assertThat(feedOf(coach)).isEmpty();
        assertThat(feedDeliveries(meters, rule)).as("feed deliveries counted for the rule").isEqualTo(sentBefore);
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            assertThat(mongo.getDatabase("notification-it").getCollection("notification_deliveries")
                            .countDocuments(new org.bson.Document("notificationId", id))).as("its delivery log").isZero();
        }
    }

    private static double feedDeliveries(MeterRegistry meters, String rule) {
        return meters.find("rekindle.notifications.deliveries").tag("rule", rule).tag("channel", "FEED").counters()
                     .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /** An alert raised under the client's consent leaves the coach's feed, and its why, when they withdraw it. */
    @Test
    void anAlertFollowsTheClientsConsentAfterItWasRaised() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        assign(coach, client, Instant.now().minus(Duration.ofDays(1)));
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "p1", "b1", "TEXT", "CLIENT", 2, now), now);
        String alert = await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), id -> id != null);

        Instant withdrawn = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of("MOOD_TREND"), withdrawn), withdrawn);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).isEmpty());
        assertThat(asCoach(coach).get("/api/notifications/" + alert).statusCode()).isEqualTo(404);
        assertThat(Json.parse(asCoach(coach).get("/api/feed/" + coach + "/export").body())).isEmpty();

        Instant given = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of("STREAK"), given), given);
        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(coach).size() == 1);
        assertThat(asCoach(coach).get("/api/notifications/" + alert).statusCode()).isEqualTo(200);
    }

    @Test
    void anErasedJournalKeepsTheClientsConsentAndNothingElse() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        assign(coach, client, Instant.now().minus(Duration.ofDays(1)));
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of(), now), now);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
             new MoodCheckedIn(client, "m1", 1, null, now), now);
        // the plan topic has its own consumer: wait for the assignment too, or it could be learnt after the erasure
        await().atMost(Duration.ofSeconds(30)).until(() -> factsOf(client).path("recentMoods").size() == 1
                                                           && factsOf(client).hasNonNull("coachId"));

        send(JournalTopic.NAME, UUID.randomUUID().toString(), org.rekindle.journal.events.JournalErased.TYPE, client,
             new org.rekindle.journal.events.JournalErased(client, Instant.now()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode facts = factsOf(client);
            assertThat(facts.path("recentMoods")).as("the journal's facts").isEmpty();
            assertThat(facts.hasNonNull("coachId")).as("the plan and coach, learnt again from the plan").isFalse();
            assertThat(facts.path("coachSees").toString()).as("nothing, as chosen; not the default")
                                                          .isEqualTo("[]");
        });
    }

    @Test
    void aBacktestReplaysTheCoachsHistoryThroughAProposedRuleWithoutSendingAnything() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String sam = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String priya = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        Instant start = Instant.now().minus(Duration.ofDays(20));
        assign(coach, sam, start);
        assign(coach, priya, start);
        assign("another-coach", "client-of-another", start);
        int[][] moods = {{3, 2, 5, 1}, {4, 4, 3, 5}};
        String[] clients = {sam, priya};
        for (int c = 0; c < 2; c++) {
            for (int day = 0; day < 4; day++) {
                Instant at = start.plus(Duration.ofDays(1 + day));
                send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, clients[c],
                     new MoodCheckedIn(clients[c], "m" + day, moods[c][day], null, at), at);
            }
        }
        String jordan = "client-" + UUID.randomUUID().toString().substring(0, 8);
        assign(coach, jordan, start);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, jordan,
             new ConsentChanged(jordan, List.of("STREAK"), start), start);
        for (int day = 0; day < 4; day++) {
            Instant at = start.plus(Duration.ofDays(1 + day));
            send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, jordan,
                 new MoodCheckedIn(jordan, "m" + day, 1, null, at), at);
        }
        String proposal = "{\"rule\":\"MOOD_AT_OR_BELOW\",\"score\":3,\"occurrences\":2,\"withinHours\":48}";
        JsonNode result = Json.parse(asCoach(coach).post("/api/coaches/" + coach + "/backtest", proposal).body());
        assertThat(result.get("clientsWithheld").asInt()).as("jordan does not share moods").isEqualTo(1);
        assertThat(result.findValuesAsText("clientId")).doesNotContain(jordan);
        JsonNode byClient = Json.parse(asCoach(coach).post("/api/coaches/" + coach + "/backtest",
                                                           "{\"rule\":\"BREACH\",\"initiatedBy\":\"CLIENT\"}").body());
        assertThat(byClient.get("clientsReplayed").asInt()).as("who initiated is nobody's default to share")
                                                          .isZero();
        assertThat(byClient.get("clientsWithheld").asInt()).isEqualTo(3);
        assertThat(asCoach("another-coach").post("/api/coaches/" + coach + "/backtest", proposal).statusCode())
                .as("another coach's history").isEqualTo(403);
        assertThat(as(sam).post("/api/coaches/" + coach + "/backtest", proposal).statusCode()).isEqualTo(403);
        assertThat(result.get("clientsReplayed").asInt()).isEqualTo(2);
        assertThat(result.get("eventsReplayed").asInt()).isEqualTo(8);
        assertThat(result.get("alerts").asInt()).as("sam: 3 then 2 within 48 h; priya: one 3 only").isEqualTo(1);
        assertThat(result.at("/byClient/0/clientId").asText()).isEqualTo(sam);
        assertThat(result.at("/byClient/0/firings/0/causeEventIds")).hasSize(2);
        assertThat(feedOf(coach)).as("nothing sent").isEmpty();
        assertThat(asCoach(coach).post("/api/coaches/" + coach + "/backtest", "{\"rule\":\"MOOD_AT_OR_BELOW\"}").statusCode())
                .isEqualTo(400);
        assertThat(asCoach(coach).post("/api/coaches/" + coach + "/backtest", "{\"rule\":\"TAROT\"}").statusCode())
                .isEqualTo(400);
    }

    /** However much a client does, one inactivity check waits for them: each activity's replaces the one before. */
    @Test
    void aClientsActivityKeepsOneInactivityCheckNotOnePerEvent() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        assign(coach, client, Instant.now().minus(Duration.ofHours(3)));
        String last = null;
        for (int i = 0; i < 12; i++) {
            Instant at = Instant.now().minus(Duration.ofMinutes(60 - i));
            last = UUID.randomUUID().toString();
            send(JournalTopic.NAME, last, MoodCheckedIn.TYPE, client, new MoodCheckedIn(client, "m" + i, 4, null, at),
                 at);
        }
        String lastActivity = last;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var mongo = com.mongodb.client.MongoClients.create(
                    SharedTestInfrastructure.mongo().connectionString())) {
                var pending = mongo.getDatabase("notification-it").getCollection("scheduled_work")
                                   .find(com.mongodb.client.model.Filters.regex("_id", "^inactive:" + client + ":"))
                                   .into(new java.util.ArrayList<>());
                assertThat(pending).as("pending inactivity checks of the client").hasSize(1);
                assertThat(pending.get(0).get("payload", org.bson.Document.class).get("params",
                        org.bson.Document.class).getString("eventId")).as("the last activity's")
                        .isEqualTo(lastActivity);
            }
        });
    }

    private boolean scheduled(String client) {
        return stored("notification_clients", client);
    }

    private static JsonNode factsOf(String client) {
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            org.bson.Document doc = mongo.getDatabase("notification-it").getCollection("notification_clients")
                                         .find(new org.bson.Document("_id", client)).first();
            return doc == null ? Json.parse("{}") : Json.parse(doc.getString("facts"));
        }
    }

    private static boolean stored(String collection, String id) {
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            return mongo.getDatabase("notification-it").getCollection(collection)
                        .countDocuments(new org.bson.Document("_id", id)) == 1;
        }
    }
}
