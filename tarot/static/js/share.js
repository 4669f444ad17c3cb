// The reading page's share panel: the system share sheet (Web Share API) where the browser
// has one, copying the link (with a message a screen reader announces), and KakaoTalk through
// the Kakao SDK when the page loads it. Loaded from the page body (boosted navigation runs body
// scripts), so it guards against adding its listeners twice.
(function () {
  "use strict";
  if (window.tarotShare) return;
  window.tarotShare = true;

  function status(key) {
    var line = document.querySelector("[data-share-status]");
    if (!line) return;
    line.textContent = "";
    // A new text in the live region, a moment later, is announced even when it repeats.
    window.setTimeout(function () { line.textContent = line.dataset[key] || ""; }, 50);
  }

  function copyFromField(field) {
    field.focus();
    field.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    status(copied ? "copied" : "copyFailed");
  }

  function copy(button) {
    var field = document.getElementById(button.dataset.shareCopy);
    if (!field) return;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(
        function () { status("copied"); },
        function () { copyFromField(field); }
      );
    } else {
      copyFromField(field);
    }
  }

  function shareNatively(button) {
    var data = { title: button.dataset.title, text: button.dataset.text, url: button.dataset.url };
    navigator.share(data).catch(function (error) {
      // Closing the share sheet is not a failure; anything else falls back to copying.
      if (error && error.name === "AbortError") return;
      var copyButton = button.parentElement.querySelector("[data-share-copy]");
      if (copyButton) copy(copyButton);
    });
  }

  function kakaoReady() {
    var key = document.getElementById("share") && document.getElementById("share").dataset.kakaoKey;
    if (!window.Kakao || !key || !window.Kakao.Share) return false;
    if (!window.Kakao.isInitialized()) window.Kakao.init(key);
    return true;
  }

  function shareOnKakao(button) {
    try {
      if (!kakaoReady()) throw new Error("Kakao SDK not ready");
      window.Kakao.Share.sendDefault(JSON.parse(button.dataset.shareKakao));
    } catch (error) {
      status("kakaoFailed");
    }
  }

  // Buttons that need the browser's help show only where it is there.
  function reveal(root) {
    var canShare = typeof navigator.share === "function";
    root.querySelectorAll("[data-share-native]").forEach(function (b) { b.hidden = !canShare; });
    var kakao = !!(window.Kakao && window.Kakao.Share);
    root.querySelectorAll("[data-share-kakao]").forEach(function (b) { b.hidden = !kakao; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("#share button[type=button]");
    if (!button) return;
    if (button.hasAttribute("data-share-copy")) copy(button);
    else if (button.hasAttribute("data-share-native")) shareNatively(button);
    else if (button.hasAttribute("data-share-kakao")) shareOnKakao(button);
  });

  // After the visitor makes or revokes a link the panel is new: focus goes to the new link's
  // first button, or back to the panel's heading (never when the panel came by itself).
  function settle(panel, byForm) {
    reveal(panel);
    if (!byForm) return;
    var target = panel.querySelector("[data-share-new] .share-actions button:not([hidden])")
      || panel.querySelector("#share-title");
    if (target) target.focus();
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target;
    if (target && target.id === "share") {
      var source = event.detail.requestConfig && event.detail.requestConfig.elt;
      settle(document.getElementById("share"), !!(source && source.tagName === "FORM"));
      return;
    }
    // The answer has just arrived: a waiting panel asks for itself again, now with its form.
    var waiting = document.querySelector("#share[data-waiting]");
    if (waiting && document.querySelector("#answer.is-done")) {
      window.htmx.ajax("GET", waiting.dataset.waiting, { target: "#share", swap: "outerHTML" });
    }
  });

  function init() {
    reveal(document);
    var sdk = document.getElementById("kakao-sdk");
    if (sdk) sdk.addEventListener("load", function () { reveal(document); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  document.addEventListener("htmx:load", function (event) { reveal(event.target); });
})();
