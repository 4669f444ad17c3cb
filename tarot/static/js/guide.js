// Card pages: the ← and → keys and a sideways swipe turn to the previous or next card.
(function () {
  "use strict";
  // Boosted navigation runs this file again with each card page; listen only once.
  if (window.tarotGuideReady) return;
  window.tarotGuideReady = true;

  function turn(rel) {
    var link = document.querySelector('[data-card-page] .card-pager a[rel="' + rel + '"]');
    if (link) link.click();
  }

  function isTyping(element) {
    return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  // The index of all cards folds away on Escape or a click elsewhere.
  document.addEventListener("click", function (event) {
    var index = document.querySelector(".card-index[open]");
    if (index && !index.contains(event.target)) index.open = false;
  });

  document.addEventListener("keydown", function (event) {
    var index = document.querySelector(".card-index[open]");
    if (event.key === "Escape" && index) {
      index.open = false;
      index.querySelector("summary").focus();
      return;
    }
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (isTyping(event.target) || !document.querySelector("[data-card-page]")) return;
    event.preventDefault();
    turn(event.key === "ArrowLeft" ? "prev" : "next");
  });

  // A swipe is a quick, mostly sideways touch movement; vertical scrolling stays the browser's.
  var start = null;
  document.addEventListener("pointerdown", function (event) {
    var onCard = event.pointerType === "touch" && event.target.closest("[data-card-page]");
    start = onCard ? { x: event.clientX, y: event.clientY, time: Date.now() } : null;
  });
  document.addEventListener("pointerup", function (event) {
    if (!start || event.pointerType !== "touch") return;
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    var quick = Date.now() - start.time < 800;
    start = null;
    if (quick && Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) turn(dx > 0 ? "prev" : "next");
  });
  document.addEventListener("pointercancel", function () { start = null; });
})();
