package org.rekindle.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The crisis resources a client sees right after saving a text that matched the risk list, per region (a region is
 * the set of time zones its clients' plans are in), and the lines every client sees whatever their region
 * ({@code everywhere}). The practice sets them in {@code rekindle-web.properties} (or the environment:
 * {@code REKINDLE_WEB_CRISIS_REGIONS_0_NAME}, …); the defaults are the US, the UK and Ireland, and a local
 * emergency number with an international helpline directory.
 */
@ConfigurationProperties("rekindle.web.crisis")
public record CrisisProperties(List<Region> regions, List<Line> everywhere) {

    public CrisisProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
        everywhere = everywhere == null ? List.of() : List.copyOf(everywhere);
    }

    /** A region: its name, the time zones that place a client in it, its lines. */
    public record Region(String name, List<String> zones, List<Line> lines) {

        public Region {
            zones = zones == null ? List.of() : List.copyOf(zones);
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** One resource: who ({@code name}), how to reach them ({@code contact}), and a link if there is one. */
    public record Line(String name, String contact, String href) {
    }
}
