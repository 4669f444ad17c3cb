// The card of the day: when the next card comes, in the visitor's own time.
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { showLocalTime(document); });
  } else {
    showLocalTime(document);
  }
  document.addEventListener("htmx:load", function (event) { showLocalTime(event.target); });
})();
