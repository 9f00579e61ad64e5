/* Kiosk mode of the public PCs (KIOSK setting, off for the web; theme/templates/_kiosk.html).
   After the idle time without any input, the notice announces (ARIA live region) that the page is
   about to go back to the home page; any input cancels it. Without input during the warning time,
   the search box is emptied and the home page of the page's language replaces this one (location
   .replace: no history entry for the next visitor). Nothing is stored. */
(function () {
  "use strict";
  var script = document.currentScript;
  var notice = document.querySelector("[data-kiosk-notice]");
  var idleMs = Number(script.dataset.idleSeconds) * 1000;
  var warningSeconds = Number(script.dataset.warningSeconds);
  var timer = null;
  var warning = false;

  function goHome() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-search-input]"), function (input) {
      input.value = "";
    });
    window.location.replace(script.dataset.home);
  }

  function warn() {
    warning = true;
    notice.textContent = script.dataset.message.replace("{seconds}", warningSeconds);
    timer = window.setTimeout(goHome, warningSeconds * 1000);
  }

  function restart() {
    window.clearTimeout(timer);
    if (warning) {
      warning = false;
      notice.textContent = "";
    }
    timer = window.setTimeout(warn, idleMs);
  }

  ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "input", "focusin"].forEach(function (name) {
    document.addEventListener(name, restart, { capture: true, passive: true });
  });
  restart();
})();
