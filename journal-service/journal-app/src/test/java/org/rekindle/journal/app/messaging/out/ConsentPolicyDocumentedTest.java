package org.rekindle.journal.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.CoachSees;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's consent table names every published kind with its real default, and nothing else. */
class ConsentPolicyDocumentedTest {

    @Test
    void theReadmeTableIsTheCode() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        for (CoachSees kind : CoachSees.values()) {
            String defaultWord = CoachSees.DEFAULT.contains(kind) ? "on" : "off";
            assertThat(readme).as(kind.name()).contains("| `" + kind.name() + "` | " + defaultWord + " |");
        }
        long rows = readme.lines().filter(line -> line.matches("\\| `[A-Z_]+` \\| (on|off) \\|.*")).count();
        assertThat(rows).isEqualTo(CoachSees.values().length);
    }
}
