package org.rekindle.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.api.Viewers;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Each area of the web app is for one role: {@code /admin} for practice admins, {@code /coach} for coaches,
 * {@code /me} for clients. Anyone else gets a 403 page that says whose page it is, before the page asks any service
 * for anything (the services refuse too; this is what a person sees instead of a page that half loads).
 */
@Configuration
class RoleAreas implements WebMvcConfigurer {

    private static final Map<String, String> ROLE_OF_AREA = Map.of("/admin", "PRACTICE_ADMIN", "/coach", "COACH",
                                                                   "/me", "CLIENT");
    private static final Map<String, String> WHO = Map.of("PRACTICE_ADMIN", "practice admins", "COACH", "coaches",
                                                          "CLIENT", "clients");

    private final Viewers viewers;

    RoleAreas(Viewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                ROLE_OF_AREA.forEach((area, role) -> {
                    if ((path.equals(area) || path.startsWith(area + "/")) && !viewerHas(role)) {
                        throw new PageRefused("This page is for " + WHO.get(role) + ". You are signed in as "
                                              + viewers.current().id() + ".");
                    }
                });
                return true;
            }
        }).addPathPatterns("/admin", "/admin/**", "/coach/**", "/me/**");
    }

    private boolean viewerHas(String role) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken)) {
            return true;
        }
        Viewer viewer = viewers.current();
        return viewer.roles().contains(role);
    }

    /** A page of another role's area was asked for. */
    static final class PageRefused extends RuntimeException {
        PageRefused(String message) {
            super(message);
        }
    }
}
