package org.rekindle.web.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rekindle.web.api.ServiceProblem;
import org.rekindle.web.api.SignInAgain;
import org.rekindle.web.api.Viewer;
import org.rekindle.web.api.Viewers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URI;

/**
 * What every page needs (who is looking), and what a person sees when something is refused: after a form, the same
 * page again with the reason in words; on a page load, an error page that says what happened.
 */
@ControllerAdvice
class PageAdvice {

    private final Viewers viewers;

    PageAdvice(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken
               ? viewers.current() : null;
    }

    @ExceptionHandler(SignInAgain.class)
    String signInAgain(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        return "redirect:/oauth2/authorization/rekindle";
    }

    @ExceptionHandler(RoleAreas.PageRefused.class)
    String notYourArea(RoleAreas.PageRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", refused.getMessage());
        return "problem";
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes flash, Model model) {
        if (!"GET".equals(request.getMethod())) {
            flash.addFlashAttribute("problem", problem.getMessage());
            flash.addFlashAttribute("fieldErrors", problem.fieldErrors());
            flash.addFlashAttribute("fieldReasons", problem.reasonsByField());
            flash.addFlashAttribute("submitted", submitted(request));
            return "redirect:" + backTo(request);
        }
        response.setStatus(problem.status() >= 500 ? 503 : problem.status());
        model.addAttribute("status", problem.status());
        model.addAttribute("message", problem.getMessage());
        return "problem";
    }

    /** What the person typed, so the form they come back to still holds it (never a password or the CSRF token). */
    private static java.util.Map<String, String> submitted(HttpServletRequest request) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (given.length > 0 && !name.startsWith("_") && !name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
                values.put(name, given[0]);
            }
        });
        return values;
    }

    /** The page the form was on, if it was one of ours; else home. */
    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            URI uri = URI.create(referer);
            if (request.getServerName().equals(uri.getHost()) && request.getServerPort() == uri.getPort()) {
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        }
        return "/";
    }
}
