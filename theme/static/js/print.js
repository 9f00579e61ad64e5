/* The "print" button of profession, training and activity sheets (theme/templates/_print.html):
   hidden without JavaScript, shown here, and it opens the browser's print dialog. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (block) {
    block.hidden = false;
    block.querySelector("button").addEventListener("click", function () { window.print(); });
  });
})();
