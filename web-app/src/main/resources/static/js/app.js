// Pages know script runs (the phone menu folds only then; without script every link stays in view).
document.documentElement.classList.add("js");

// Times are shown in the viewer's own zone: the browser tells the server once, in a cookie (the next page uses it).
(function () {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("rekindle_tz=" + encodeURIComponent(zone)) === -1) {
        document.cookie = "rekindle_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
    }
})();

// Every htmx request carries the CSRF token the page was rendered with (forms carry it as a hidden field).
document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// Forms marked data-submit-on-change submit as soon as a choice changes (the dashboard's filters); their submit
// button stays for keyboards and for pages without script.
document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-submit-on-change") && event.target.type === "radio") {
        form.requestSubmit();
    }
});

// The phone menu: the button shows and hides the main links.
document.addEventListener("click", function (event) {
    var toggle = event.target.closest ? event.target.closest(".menu-toggle") : null;
    if (toggle) {
        var open = toggle.parentElement.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
});
