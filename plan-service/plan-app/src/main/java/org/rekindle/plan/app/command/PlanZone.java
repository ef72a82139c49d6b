package org.rekindle.plan.app.command;

import org.rekindle.platform.command.InvalidCommandException;

import java.time.DateTimeException;
import java.time.ZoneId;

/** A plan runs in the client's time zone: an IANA name such as Europe/Lisbon (checked by the API first too). */
public final class PlanZone {

    private PlanZone() {
    }

    public static final String RULE = "must be an IANA time zone such as Europe/Lisbon";

    public static void require(String timezone) {
        if (!isZone(timezone)) {
            throw new InvalidCommandException("timezone", RULE);
        }
    }

    public static boolean isZone(String timezone) {
        try {
            ZoneId.of(timezone);
            return true;
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }
}
