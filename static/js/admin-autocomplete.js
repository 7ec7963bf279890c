// The admin's autocomplete fields (select2, as Django ships it) for assistive technology:
// the search box is named after the field's label, and the "clear" control inside the list
// of chosen items counts as one of its items. select2 builds and re-renders both after the
// page loads, so a MutationObserver applies this whenever they change.
// Loaded by PublishableAdmin.Media (hubsi/admin.py).
"use strict";
(function () {
  function labelText(select) {
    const label = document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function fixAll() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) {
        return;
      }
      const search = container.querySelector(".select2-search__field");
      const text = labelText(select);
      if (search && text && search.getAttribute("aria-label") !== text) {
        search.setAttribute("aria-label", text);
      }
      container.querySelectorAll(".select2-selection__rendered > span").forEach(function (el) {
        el.setAttribute("role", "listitem");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    new MutationObserver(fixAll).observe(document.body, { childList: true, subtree: true });
    fixAll();
  });
})();
