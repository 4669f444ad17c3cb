// The archive: keyboard focus follows "more" to the first row it added. (A row whose reading
// is already gone leaves by itself: the delete answers 404 with nothing, and htmx swaps that in.)
// Loaded from the page body (boosted navigation runs body scripts), so it guards against
// adding its listeners twice.
(function () {
  "use strict";
  if (window.tarotArchive) return;
  window.tarotArchive = true;

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var list = document.getElementById("archive-list");
    if (list && elt.classList && elt.classList.contains("archive-more-button")) {
      list.dataset.before = String(list.children.length);
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var list = event.detail.target;
    if (!list || list.id !== "archive-list" || !list.dataset.before) return;
    var first = list.children[Number(list.dataset.before)];
    delete list.dataset.before;
    var link = first && first.querySelector(".archive-concern a");
    if (link) link.focus();
  });
})();
