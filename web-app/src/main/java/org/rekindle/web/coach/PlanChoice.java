package org.rekindle.web.coach;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the assign and replace-plan forms send plan-service for their shared fields (forms.html planChoice): the
 * program option "programId@version" split in two, the start date, the zone and the reply rule (null: the practice's
 * default rules, which plan-service applies).
 */
final class PlanChoice {

    private PlanChoice() {
    }

    static Map<String, Object> body(String program, String startDate, String timezone,
                                    Boolean replyToExCountsAsBreach) {
        String[] idAndVersion = program.split("@", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programId", idAndVersion[0]);
        body.put("programVersion", idAndVersion.length > 1 ? idAndVersion[1] : null);
        body.put("startDate", startDate);
        body.put("timezone", timezone.trim());
        body.put("replyToExCountsAsBreach", replyToExCountsAsBreach);
        return body;
    }
}
