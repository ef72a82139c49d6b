package org.rekindle.web.view;

import java.util.Map;

/**
 * A projection's progress as plan-service tells it ({@code GET /api/admin/projections/{name}}), worded for the admin
 * page: a rebuild under way, done, or a projection that is simply live.
 */
public record RebuildProgress(String name, String title, String state, String unit, Long done, Long total,
                       Double ratePerSecond, Long secondsLeft, boolean rebuilt) {

    static RebuildProgress of(String name, String title, Map<String, Object> answer) {
        return new RebuildProgress(name, title, (String) answer.get("state"), (String) answer.get("unit"),
                                   number(answer.get("done")), number(answer.get("total")),
                                   answer.get("ratePerSecond") instanceof Number rate ? rate.doubleValue() : null,
                                   number(answer.get("secondsLeft")), answer.get("startedAt") != null);
    }

    /** A rebuild still under way: the page asks again every second. */
    public boolean replaying() {
        return "REPLAYING".equals(state);
    }

    public boolean known() {
        return done != null && total != null;
    }

    public String status() {
        return switch (state == null ? "" : state) {
            case "REPLAYING" -> "Rebuilding";
            case "LIVE" -> rebuilt ? "Done" : "Up to date";
            case "STOPPED" -> "Stopped";
            default -> "Unknown";
        };
    }

    public String counts() {
        return known() ? done + " of " + total + " " + unit : "counts not available just now";
    }

    public int percent() {
        return !known() || total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }

    public String rate() {
        return ratePerSecond == null ? "rate being measured" : Math.round(ratePerSecond) + " " + unit + "/s";
    }

    public String timeLeft() {
        if (secondsLeft == null) {
            return "time left not known yet";
        }
        if (secondsLeft == 0) {
            return "nothing left";
        }
        return secondsLeft < 60 ? "about " + secondsLeft + " s left"
                : "about " + secondsLeft / 60 + " min " + secondsLeft % 60 + " s left";
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
