// Filtering and sorting the photo cards, offline. Without JavaScript every card shows.
(function () {
  "use strict";
  var cards = document.getElementById("cards");
  var filter = document.getElementById("filter");
  var sort = document.getElementById("sort");
  var shown = document.getElementById("shown");
  var all = Array.prototype.slice.call(cards.querySelectorAll(".card"));
  document.querySelector(".controls").hidden = false;
  function keep(card) {
    var codes = card.getAttribute("data-codes").split(" ").filter(Boolean);
    if (filter.value === "all") { return true; }
    if (filter.value === "any") { return codes.length > 0; }
    return codes.indexOf(filter.value) >= 0;
  }
  function order(a, b) {
    var key = sort.value;
    if (key === "urgent") {   // the report's own order: most urgent first (schoollint.report.urgency)
      return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
    }
    if (key === "findings") {
      var diff = Number(b.getAttribute("data-count")) - Number(a.getAttribute("data-count"));
      if (diff !== 0) { return diff; }
    } else if (key === "published") {
      var when = a.getAttribute("data-published").localeCompare(b.getAttribute("data-published"));
      if (when !== 0) { return when; }
    }
    return a.getAttribute("data-path").localeCompare(b.getAttribute("data-path"));
  }
  function update() {
    var visible = 0;
    all.slice().sort(order).forEach(function (card) {
      card.hidden = !keep(card);
      if (!card.hidden) { visible += 1; }
      cards.appendChild(card);
    });
    shown.textContent = "Showing " + visible + " of " + all.length;
  }
  filter.addEventListener("change", update);
  sort.addEventListener("change", update);
  update();
}());
