package org.rekindle.plan.app.query.dashboard;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventPrintsTest {

    @Test
    void holdsEveryPrintAddedThroughItsGrowthAndNoOther() {
        EventPrints prints = new EventPrints();
        String[] ids = new String[10_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
            prints.add(EventPrints.of(ids[i]));
            prints.add(EventPrints.of(ids[i])); // a second time: still one
        }
        assertThat(prints.size()).isEqualTo(ids.length);
        for (String id : ids) {
            assertThat(prints.contains(EventPrints.of(id))).as(id).isTrue();
        }
        assertThat(prints.contains(EventPrints.of("never-added"))).isFalse();
    }

    @Test
    void idsThatDifferByOneCharacterHaveDifferentPrints() {
        assertThat(EventPrints.of("m1")).isNotEqualTo(EventPrints.of("m2")).isNotEqualTo(EventPrints.of("1m"));
        assertThat(EventPrints.of("")).isNotZero();
    }
}
