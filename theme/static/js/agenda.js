/* Agenda filters (progressive enhancement): without this script every activity stays listed.
   Shows the filter form and hides the activities that do not match the chosen theme, kind and
   language of the session. Works from file://: no request, no storage. */
(function () {
  "use strict";
  var form = document.querySelector(".agenda-filters");
  if (!form) {
    return;
  }
  var items = Array.prototype.slice.call(document.querySelectorAll(".agenda-list > li"));
  var status = form.querySelector(".filter-status");
  var names = ["themes", "kind", "languages"];
  var plural = new Intl.PluralRules(document.documentElement.lang);

  function matches(item, name) {
    var wanted = form.elements[name].value;
    return !wanted || item.getAttribute("data-" + name).split(" ").indexOf(wanted) !== -1;
  }

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !names.every(function (name) { return matches(item, name); });
      shown += item.hidden ? 0 : 1;
    });
    var label = plural.select(shown) === "one" ? form.dataset.one : form.dataset.other;
    status.textContent = label.replace("{n}", shown);
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
