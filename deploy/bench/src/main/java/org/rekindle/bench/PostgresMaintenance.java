package org.rekindle.bench;

/**
 * What PostgreSQL did in the background between two moments: autovacuums and autoanalyzes of the event table, and
 * checkpoints (cluster-wide). A bulk append of history triggers all three, and they take the same two cores and disk
 * as the commands measured after it; a run says whether they fell into its measurements.
 */
record PostgresMaintenance(long autovacuums, long autoanalyzes, long checkpoints, long vacuumsRunning) {

    PostgresMaintenance since(PostgresMaintenance before) {
        return new PostgresMaintenance(autovacuums - before.autovacuums, autoanalyzes - before.autoanalyzes,
                                       checkpoints - before.checkpoints, before.vacuumsRunning);
    }

    @Override
    public String toString() {
        return String.format("PostgreSQL meanwhile: %d autovacuum(s) and %d autoanalyze(s) of domain_event_entry "
                             + "finished, %d checkpoint(s)%s", autovacuums, autoanalyzes, checkpoints,
                             vacuumsRunning > 0 ? ", a vacuum already running at the start" : "");
    }
}
