// Tarot Milk Tea: the little behaviour every page shares.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // The header is swapped by boosted navigation, so the menu works by delegation.
  function menuParts() {
    return [document.querySelector(".nav-toggle"), document.getElementById("nav-menu")];
  }
  function setMenuOpen(open) {
    var parts = menuParts();
    if (!parts[0] || !parts[1]) return;
    parts[0].setAttribute("aria-expanded", String(open));
    parts[1].dataset.open = String(open);
  }
  function setupMenu() {
    var parts = menuParts();
    if (!parts[0] || !parts[1]) return;
    parts[0].hidden = false;
    if (!parts[1].dataset.open) parts[1].dataset.open = "false";
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".nav-toggle");
    if (toggle) {
      setMenuOpen(toggle.getAttribute("aria-expanded") !== "true");
    } else if (event.target.closest("#nav-menu a")) {
      setMenuOpen(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    var toggle = menuParts()[0];
    if (event.key === "Escape" && toggle && toggle.getAttribute("aria-expanded") === "true") {
      setMenuOpen(false);
      toggle.focus();
    }
  });

  function setupReveal(root) {
    var items = root.querySelectorAll(".reveal:not(.is-visible)");
    if (!items.length) return;
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduced || !("IntersectionObserver" in window)) {
      items.forEach(function (el) { el.classList.add("is-visible"); });
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          entry.target.classList.add("is-visible");
          observer.unobserve(entry.target);
        }
      });
    }, { rootMargin: "0px 0px -8% 0px", threshold: 0.15 });
    items.forEach(function (el) { observer.observe(el); });
  }

  function init(root) {
    setupMenu();
    setupReveal(root || document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
  // Every htmx request that changes something carries the page's CSRF token.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.getElementById("csrf-token");
    if (token && event.detail.verb !== "get") {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();

// The reading form: a live character counter, and the read button enabled only when ready.
// It lives here, not in a page script, because boosted navigation swaps only the body.
(function () {
  "use strict";

  function update(form) {
    var concern = form.querySelector("#concern");
    var count = form.querySelector("[data-count]");
    if (concern && count) count.textContent = String(concern.value.length);
    var button = form.querySelector("[data-read-button]");
    if (!button) return;
    var area = form.querySelector(".deal-area");
    var picks = area ? Number(area.getAttribute("data-picks")) : 0;
    var topic = form.querySelector('input[name="topic"]:checked');
    var size = area ? Number(area.getAttribute("data-size")) : 0;
    var ready = size > 0 && picks === size && !!topic;
    button.setAttribute("aria-disabled", ready ? "false" : "true");
  }

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("#reading-form");
    if (form) update(form);
  });
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("#reading-form");
    if (form) update(form);
  });
  document.addEventListener("htmx:afterSettle", function () {
    var form = document.getElementById("reading-form");
    if (form) update(form);
  });
  // A read button that is not ready explains instead of submitting.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-read-button]");
    if (button && button.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      var form = button.form;
      var topic = form.querySelector('input[name="topic"]:checked');
      var hint = form.querySelector("[data-read-hint]");
      if (hint) hint.textContent = topic ? hint.dataset.cards : hint.dataset.topic;
    }
  });
  function init() {
    var form = document.getElementById("reading-form");
    if (form) update(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  document.addEventListener("htmx:load", init);
})();
