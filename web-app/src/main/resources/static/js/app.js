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

// A program step's form shows only the fields its kind uses (a prompt for a reflection, target days for no contact,
// check-ins for a mood habit); hidden fields are disabled so they are not sent.
function showKindFields(form) {
    var kind = form.querySelector("select[name=kind]").value;
    form.querySelectorAll(".kind-field").forEach(function (field) {
        var used = field.getAttribute("data-for-kinds").split(" ").indexOf(kind) !== -1;
        field.hidden = !used;
        field.querySelectorAll("input").forEach(function (input) { input.disabled = !used; });
    });
}
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-step-kinds]").forEach(showKindFields);
});
document.addEventListener("change", function (event) {
    if (event.target.name === "kind" && event.target.form && event.target.form.hasAttribute("data-step-kinds")) {
        showKindFields(event.target.form);
    }
});

// A refused form comes back with its fields marked: the first one takes the focus, so the reason beside it is where
// the person (and a screen reader) already is.
document.addEventListener("DOMContentLoaded", function () {
    var refused = document.querySelector("[aria-invalid=true]");
    if (refused) {
        var closed = refused.closest("details:not([open])");
        if (!closed) {
            refused.focus();
            refused.scrollIntoView({block: "center"});
        }
    }
});
