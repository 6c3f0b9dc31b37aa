/*
 * Small comforts for the diagnostic; every page works without them.
 * - An « aucune » answer (data-exclusive) unticks the other boxes of its question, and the
 *   other way round (the server refuses the mix anyway).
 * - The private link selects itself when focused, to copy it easily.
 * - The paper version shows a « Imprimer » button.
 */
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('input[type="checkbox"]') || !box.checked) return;
    var group = document.querySelectorAll('input[type="checkbox"][name="' + box.name + '"]');
    Array.prototype.forEach.call(group, function (other) {
      if (other === box) return;
      if (box.dataset.exclusive === "true" || other.dataset.exclusive === "true") {
        other.checked = false;
      }
    });
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
      event.target.select();
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
