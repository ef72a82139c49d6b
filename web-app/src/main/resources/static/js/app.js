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
