package org.rekindle.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizeBeforeBindingTest {

    private final AuthorizeBeforeBinding interceptor = new AuthorizeBeforeBinding(
            new DefaultMethodSecurityExpressionHandler());

    @SuppressWarnings("unused")
    static class Endpoints {
        @PreAuthorize("#clientId == 'sam'")
        void bothNamesGiven(@PathVariable(name = "clientId", value = "clientId") String clientId, Object body) {
        }

        @PreAuthorize("#who == 'sam'")
        void queryByValue(@RequestParam("clientId") String who) {
        }

        @PreAuthorize("#body.owner() == 'sam'")
        void needsTheBody(Object body) {
        }
    }

    @Test
    void decidesFromThePathVariableWhetherTheAnnotationNamesItOnceOrTwice() throws Exception {
        assertThat(handle("bothNamesGiven", Map.of("clientId", "sam"), null)).isTrue();
        assertThatThrownBy(() -> handle("bothNamesGiven", Map.of("clientId", "leo"), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void decidesFromAQueryParameterNamedByTheAnnotation() throws Exception {
        assertThat(handle("queryByValue", Map.of(), "sam")).isTrue();
        assertThatThrownBy(() -> handle("queryByValue", Map.of(), "leo")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void leavesToMethodSecurityWhatOnlyTheBodyCanDecide() throws Exception {
        assertThat(handle("needsTheBody", Map.of(), null)).isTrue();
    }

    private boolean handle(String name, Map<String, String> pathVariables, String clientIdQuery) throws Exception {
        java.lang.reflect.Method method = java.util.Arrays.stream(Endpoints.class.getDeclaredMethods())
                                                          .filter(m -> m.getName().equals(name)).findFirst()
                                                          .orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, pathVariables);
        if (clientIdQuery != null) {
            request.setParameter("clientId", clientIdQuery);
        }
        return interceptor.preHandle(request, new MockHttpServletResponse(), new HandlerMethod(new Endpoints(), method));
    }
}
