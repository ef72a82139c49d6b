package org.rekindle.platform.testing;

import java.util.Arrays;
import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/** For contract tests of a consumer's own copy of a producer's enum: same names in the same order, same subsets. */
public final class SameVocabulary {

    private SameVocabulary() {
    }

    public static void assertSameNames(Class<? extends Enum<?>> copy, Class<? extends Enum<?>> published) {
        assertThat(Arrays.stream(copy.getEnumConstants()).map(Enum::name))
                .as("%s against the published %s", copy.getSimpleName(), published.getSimpleName())
                .containsExactlyElementsOf(Arrays.stream(published.getEnumConstants()).map(Enum::name).toList());
    }

    public static void assertSameMembers(Collection<? extends Enum<?>> copy, Collection<? extends Enum<?>> published) {
        assertThat(copy.stream().map(Enum::name).sorted())
                .containsExactlyElementsOf(published.stream().map(Enum::name).sorted().toList());
    }
}
