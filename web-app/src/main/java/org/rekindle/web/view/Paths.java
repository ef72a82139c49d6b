package org.rekindle.web.view;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/** Redirect targets built from ids a person typed: each id is one encoded path segment, never a path of its own. */
public final class Paths {

    private Paths() {
    }

    /** An id as a query parameter's value. */
    public static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    public static String redirect(String prefix, String id) {
        return "redirect:" + prefix + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
