/* The 大字号 switch works without this file (a checkbox and CSS :has). This only remembers
   the reader's choice from page to page, and marks <html> for browsers without :has. */
(function () {
  var box = document.getElementById("large-text");
  if (!box) { return; }
  var stored = null;
  try { stored = window.localStorage.getItem("gazette-large-text"); } catch (e) { stored = null; }
  function apply() { document.documentElement.classList.toggle("large", box.checked); }
  if (stored === "1") { box.checked = true; }
  apply();
  box.addEventListener("change", function () {
    apply();
    try { window.localStorage.setItem("gazette-large-text", box.checked ? "1" : "0"); } catch (e) { /* private mode */ }
  });
}());
