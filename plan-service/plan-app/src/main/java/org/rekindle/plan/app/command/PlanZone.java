package org.rekindle.plan.app.command;

import org.rekindle.platform.command.InvalidCommandException;

import java.time.DateTimeException;
import java.time.ZoneId;

/** A plan runs in the client's time zone: an IANA name such as Europe/Lisbon (checked by the API first too). */
public final class PlanZone {

    private PlanZone() {
    }

    public static void require(String timezone) {
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidCommandException("timezone", "must be an IANA time zone such as Europe/Lisbon");
        }
    }
}
