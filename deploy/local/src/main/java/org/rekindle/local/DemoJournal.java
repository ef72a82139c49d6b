package org.rekindle.local;

import java.time.Instant;

/** What the demo seed does to a client's journal; the seeder carries each call out over journal-service's REST API. */
interface DemoJournal {

    String reflect(String client, String promptId, String text, Instant at);

    String draftApology(String client, String text, Instant at);

    void reviseApology(String client, String entryId, String text, Instant at);

    void checkIn(String client, int score, String note, Double sleepHours, Instant at);

    /** The weekly WHO-5: five answers 0-5, the week taken in the client's zone. */
    void wellBeing(String client, String zone, java.util.List<Integer> items, Instant at);

    void share(String client, String entryId);

    String startNoContact(String client, int targetDays, Instant at);

    void breach(String client, String channel, String initiatedBy, String note, Instant at);

    void urge(String client, boolean resisted, String note, Instant at);

    void endNoContact(String client, String periodId, String reason, Instant at);
}
