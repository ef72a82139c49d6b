// Every htmx request carries the CSRF token the page was rendered with (forms carry it as a hidden field).
document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector("meta[name=csrf-header]");
    var token = document.querySelector("meta[name=csrf-token]");
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});
