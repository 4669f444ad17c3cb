// The card of the day: when the next card comes, in the visitor's own time, and a word to
// the service worker to keep a visitor's drawn card for offline use today.
// Loaded from the page body (boosted navigation runs body scripts), so it guards against
// adding its listeners twice.
(function () {
  "use strict";
  if (window.tarotDaily) return;
  window.tarotDaily = true;

  var SEOUL_OFFSET = -540; // getTimezoneOffset() in Korea: UTC+9, no summer time

  // ``root`` is the document or an element htmx swapped in (which may be the one sought).
  function find(root, selector) {
    return (root.matches && root.matches(selector)) ? root : root.querySelector(selector);
  }

  function showLocalTime(root) {
    var time = find(root, "time.daily-next[data-local]");
    if (!time) return;
    var next = new Date(time.getAttribute("datetime"));
    if (isNaN(next.getTime()) || next.getTimezoneOffset() === SEOUL_OFFSET) return;
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      weekday: "short", hour: "numeric", minute: "2-digit",
    });
    time.textContent = time.getAttribute("data-local").replace("{time}", format.format(next));
    time.hidden = false;
  }

  function keepOffline(root) {
    if (!find(root, "[data-visitor-card]") || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "DAILY" });
    });
  }

  function init(root) {
    showLocalTime(root);
    keepOffline(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
  document.addEventListener("htmx:load", function (event) { init(event.target); });
})();
