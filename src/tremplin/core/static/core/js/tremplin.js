/*
 * Tremplin's small scripts. Every page works without them: they only add comfort.
 * - Lookup fields (commune, activity): htmx fetches suggestions; this turns them into an
 *   ARIA 1.2 combobox (arrow keys, Enter, Escape) and fills the hidden code.
 * - Buttons with data-confirm ask before submitting.
 */
(function () {
  "use strict";

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function setActive(input, list, index) {
    var items = options(list);
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
    list.dataset.active = String(index);
  }

  function close(input, list) {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(input, list, -1);
  }

  function choose(lookup, option) {
    var input = lookup.querySelector('[role="combobox"]');
    var list = lookup.querySelector('[role="listbox"]');
    var code = lookup.querySelector("input[type=hidden]");
    input.value = option.dataset.label;
    code.value = option.dataset.code;
    close(input, list);
    input.focus();
  }

  function setupLookup(lookup) {
    if (lookup.dataset.ready) return;
    lookup.dataset.ready = "1";
    var input = lookup.querySelector('[role="combobox"]');
    var list = lookup.querySelector('[role="listbox"]');
    var code = lookup.querySelector("input[type=hidden]");
    var status = lookup.querySelector("[data-lookup-status]");

    input.addEventListener("input", function () {
      code.value = "";
    });
    input.addEventListener("keydown", function (event) {
      var items = options(list);
      var active = parseInt(list.dataset.active || "-1", 10);
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        setActive(input, list, Math.min(active + 1, items.length - 1));
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        setActive(input, list, Math.max(active - 1, 0));
      } else if (event.key === "Enter" && !list.hidden && active >= 0 && items[active]) {
        event.preventDefault();
        choose(lookup, items[active]);
      } else if (event.key === "Escape") {
        close(input, list);
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(function () { close(input, list); }, 200);
    });
    list.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep focus in the input
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) choose(lookup, option);
    });
    list.addEventListener("htmx:afterSwap", function () {
      var count = options(list).length;
      list.hidden = list.children.length === 0;
      input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
      setActive(input, list, -1);
      if (status) {
        status.textContent = list.dataset.empty === "1" || count === 0
          ? (list.dataset.noneText || "")
          : count + " " + (list.dataset.countText || "");
      }
    });
  }

  function setupConfirm(root) {
    root.querySelectorAll("[data-confirm]").forEach(function (button) {
      if (button.dataset.confirmReady) return;
      button.dataset.confirmReady = "1";
      button.addEventListener("click", function (event) {
        if (!window.confirm(button.dataset.confirm)) event.preventDefault();
      });
    });
  }

  function setup(root) {
    root.querySelectorAll(".lookup").forEach(setupLookup);
    setupConfirm(root);
  }

  document.addEventListener("DOMContentLoaded", function () { setup(document); });
  document.addEventListener("htmx:load", function (event) { setup(event.target); });
})();
