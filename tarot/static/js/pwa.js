// Tarot Milk Tea as an app: the service worker, the install button and the update notice.
(function () {
  "use strict";
  var installPrompt = null;
  var waitingWorker = null;
  var reloadOnTakeover = false;

  // Boosted navigation swaps the body, so the buttons are found afresh every time.
  function showAll(selector, visible) {
    document.querySelectorAll(selector).forEach(function (el) { el.hidden = !visible; });
  }
  function refresh() {
    showAll(".install-app", installPrompt !== null);
    showAll(".update-notice", waitingWorker !== null);
  }

  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    installPrompt = event;
    refresh();
  });
  window.addEventListener("appinstalled", function () {
    installPrompt = null;
    refresh();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest(".install-app") && installPrompt) {
      var prompt = installPrompt;
      installPrompt = null; // a prompt can be shown once
      refresh();
      prompt.prompt();
    } else if (event.target.closest(".update-reload") && waitingWorker) {
      reloadOnTakeover = true;
      waitingWorker.postMessage({ type: "SKIP_WAITING" });
    } else if (event.target.closest(".net-notice-close")) {
      showAll(".net-notice", false);
    }
  });

  // A request htmx could not send (offline): say so instead of doing nothing.
  document.addEventListener("htmx:sendError", function () { showAll(".net-notice", true); });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) showAll(".net-notice", false);
  });
  document.addEventListener("htmx:load", refresh);

  if (!("serviceWorker" in navigator)) return;

  function watch(registration) {
    function noteWaiting() {
      // The very first worker has nothing to replace; only a later version waits.
      if (registration.waiting && navigator.serviceWorker.controller) {
        waitingWorker = registration.waiting;
        refresh();
      }
    }
    noteWaiting();
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed") noteWaiting();
      });
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    waitingWorker = null;
    refresh();
    if (reloadOnTakeover) {
      reloadOnTakeover = false;
      window.location.reload();
    }
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/", updateViaCache: "none" })
      .then(watch)
      .catch(function () { /* the site works without its worker */ });
    // The worker serves stored guide pages in the language of the pages the visitor sees.
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage({ type: "LANGUAGE", lang: document.documentElement.lang });
      }
    });
  });
})();
