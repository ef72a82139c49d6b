package org.rekindle.web.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names field of "People in my writing": one name per line or comma-separated, blanks dropped. */
class PeopleFormTest {

    @Test
    void namesAreOnePerLineOrCommaSeparated() {
        assertThat(PeopleController.lines("Alex\r\nAlex Morgan\n\n  Lexi , Al  ")).containsExactly(
                "Alex", "Alex Morgan", "Lexi", "Al");
    }

    @Test
    void nothingTypedIsNoNameAndTheServiceSaysWhy() {
        assertThat(PeopleController.lines(" \n , ")).isEmpty();
    }
}
