// The archive: keyboard focus follows "more", and a row whose reading is already gone leaves.
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
  // Deleted meanwhile in another tab: the row goes, as it would after a delete here.
  document.addEventListener("htmx:responseError", function (event) {
    var elt = event.detail.elt;
    if (event.detail.xhr.status === 404 && elt.classList && elt.classList.contains("archive-delete")) {
      var row = elt.closest("li");
      if (row) row.remove();
    }
  });
})();
