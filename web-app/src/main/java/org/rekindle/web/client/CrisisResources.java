package org.rekindle.web.client;

import org.rekindle.web.config.CrisisProperties;
import org.rekindle.web.config.CrisisProperties.Line;
import org.rekindle.web.config.CrisisProperties.Region;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The crisis resources for a client's region (from their plan's time zone), then the ones for everywhere. */
@Component
public class CrisisResources {

    /** What the banner shows; a flash attribute, so serializable. */
    public record Shown(String region, List<ShownLine> lines) implements Serializable {
    }

    public record ShownLine(String name, String contact, String href) implements Serializable {
    }

    private final CrisisProperties properties;

    CrisisResources(CrisisProperties properties) {
        this.properties = properties;
    }

    public Shown forZone(ZoneId zone) {
        Region region = properties.regions().stream().filter(r -> r.zones().contains(zone.getId())).findFirst()
                                  .orElse(null);
        List<ShownLine> lines = new ArrayList<>();
        if (region != null) {
            region.lines().forEach(line -> lines.add(shown(line)));
        }
        properties.everywhere().forEach(line -> lines.add(shown(line)));
        return new Shown(region == null ? null : region.name(), List.copyOf(lines));
    }

    private static ShownLine shown(Line line) {
        return new ShownLine(line.name(), line.contact(), line.href());
    }
}
