package org.rekindle.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * Rekindle's own sign-in page (the framework's form looked like a different product): the same fields and CSRF token
 * the form login expects, a message in words after a failed attempt or a sign-out, and the promise about privacy
 * a person may want to read before typing a password. No script; styles inline, so the page stands alone.
 */
@Controller
class SignInPage {

    private static final String STYLE = """
            body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;
              color:#1f2933;background:#f4f6f5;line-height:1.5}
            header{background:#1f5f5b;color:#fff;padding:.75rem 1rem;font-weight:700;font-size:1.15rem}
            main{max-width:24rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d5dbd9;
              border-radius:.5rem}
            h1{font-size:1.5rem;margin:0 0 1rem}
            label{display:block;margin:.75rem 0 .25rem;font-weight:600}
            input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #8a9691;
              border-radius:.375rem}
            input:focus-visible,button:focus-visible{outline:3px solid #b4540a;outline-offset:2px}
            button{font:inherit;margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:.375rem;
              background:#1f5f5b;color:#fff;font-weight:600;cursor:pointer}
            .problem{background:#fdecec;color:#9b1c1c;padding:.5rem .75rem;border-radius:.375rem}
            .notice{background:#e8f3ec;color:#1e6b35;padding:.5rem .75rem;border-radius:.375rem}
            .meta{color:#52606d;font-size:.9rem}
            """;

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"problem\" role=\"alert\">That id and password do not match. Check both and try "
                      + "again.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"notice\" role=\"status\">You are signed out.</p>";
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · Rekindle</title><style>%s</style></head>
                <body>
                <header>Rekindle</header>
                <main id="main">
                <h1>Sign in</h1>
                %s
                <form method="post" action="/login">
                <label for="username">Your id</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button type="submit">Sign in</button>
                </form>
                <p class="meta">What you write stays yours: your coach sees only what you choose to share.</p>
                </main>
                </body>
                </html>
                """.formatted(STYLE, message, HtmlUtils.htmlEscape(csrf.getParameterName()),
                              HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
