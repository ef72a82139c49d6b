package org.rekindle.web.client;

import org.rekindle.web.api.Services;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.rekindle.web.api.Services.Service.JOURNAL;

/**
 * The client's weekly WHO-5 on their Today page: the questions (worded by journal-service, the scale's one copy),
 * whether this ISO week in their zone is answered, and their trend of percentages.
 */
@Component
class WellBeingPanel {

    private final Services services;

    WellBeingPanel(Services services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    void addTo(Model model, String clientId, ZoneId zone) {
        Map<String, Object> trend = services.objectOrNull(JOURNAL, "/api/clients/{me}/well-being", clientId);
        List<Map<String, Object>> checkIns = trend == null ? List.of()
                : (List<Map<String, Object>>) trend.getOrDefault("checkIns", List.of());
        String week = weekOf(Instant.now(), zone);
        model.addAttribute("who5", services.objectOrNull(JOURNAL, "/api/well-being/who-5"));
        model.addAttribute("who5ThisWeek", checkIns.stream().filter(c -> week.equals(c.get("week"))).findFirst()
                                                   .orElse(null));
        model.addAttribute("wellBeingTrend", checkIns.stream().skip(Math.max(0, checkIns.size() - 12))
                                                     .map(c -> c.get("percentage")).toList());
    }

    /** The ISO week ({@code 2026-W49}) of an instant in the client's zone, as journal-service names weeks. */
    static String weekOf(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return String.format(Locale.ROOT, "%04d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                             local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
