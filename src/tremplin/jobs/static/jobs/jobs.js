/*
 * Search pages: after htmx brings a new page of results (pagination), move the focus to the
 * results' heading so that keyboard and screen-reader users start reading there.
 * The pages work without this file.
 */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var trigger = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
    if (!trigger || trigger.tagName !== "A") return;
    var title = document.getElementById("results-title");
    if (title) {
      title.focus();
      title.scrollIntoView({ block: "start" });
    }
  });
})();
