// The reading form: a live character counter, and the read button enabled only when ready.
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
    var ready = picks === 5 && !!topic;
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
