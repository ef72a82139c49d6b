package org.rekindle.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's refusal as the person reads it: once, in words, naming each field. */
class ServiceProblemTest {

    @Test
    void namesFieldsAndKindsInWordsAndSaysItOnce() {
        byte[] body = """
                {"status":400,"detail":"promptId: is required for a REFLECTION_PROMPT step",
                 "errors":[{"field":"promptId","reason":"is required for a REFLECTION_PROMPT step"}]}
                """.getBytes();
        ServiceProblem problem = ServiceProblem.from(400, body, new ObjectMapper());
        assertThat(problem.fieldErrors()).containsExactly("Prompt id: is required for a reflection prompt step");
        assertThat(problem.getMessage()).isEqualTo("That was not saved. Please check:");
        assertThat(problem.reasonsByField()).as("a sentence to show beside the field the service named")
                .containsExactly(java.util.Map.entry("promptId", "Prompt id is required for a reflection prompt step."));
    }

    @Test
    void keepsAPlainDetailWhenNoFieldIsNamed() {
        ServiceProblem problem = ServiceProblem.from(409, "{\"detail\":\"The revision is the same as version 1\"}"
                .getBytes(), new ObjectMapper());
        assertThat(problem.getMessage()).isEqualTo("The revision is the same as version 1");
        assertThat(ServiceProblem.inWords("timezone")).isEqualTo("timezone");
    }
}
