/* Search-as-you-type on the library page (progressive enhancement).
 *
 * Without this file the search form works as it is: type, then "Rechercher".
 * With it, typing in the box (or ticking a filter) asks the server for the same
 * search with ?fragment=resultats, after a short pause, and swaps the facets
 * and results in place; a polite live region announces "N résultats".
 * No framework, nothing from another site (CSP default-src 'self').
 */
(function () {
  "use strict";
  var form = document.querySelector("form.library-search");
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var region = form.querySelector("[data-results]");
  var status = document.getElementById("results-status");
  var DELAY = 250;
  var timer = null;
  var controller = null;
  var shown = window.location.pathname + window.location.search;

  function address(fragment) {
    var params = new URLSearchParams(new FormData(form));
    params.delete("page");
    if (fragment) {
      params.set("fragment", "resultats");
    }
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function refresh() {
    var plain = address(false);
    if (plain === shown) {
      return;
    }
    shown = plain;
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    region.setAttribute("aria-busy", "true");
    fetch(address(true), {
      headers: { "Accept": "text/html" },
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.text();
    }).then(function (html) {
      var active = document.activeElement;
      var ticked = active && region.contains(active) && active.name ? [active.name, active.value] : null;
      region.innerHTML = html;
      if (ticked && window.CSS && CSS.escape) { /* keep the keyboard on the filter just ticked */
        var again = region.querySelector("input[name=\"" + CSS.escape(ticked[0]) + "\"][value=\"" +
                                         CSS.escape(ticked[1]) + "\"]");
        if (again) {
          again.focus();
        }
      }
      region.removeAttribute("aria-busy");
      var title = region.querySelector("[data-total]");
      if (status && title) {
        status.textContent = title.getAttribute("data-total");
      }
      window.history.replaceState(null, "", plain);
    }).catch(function (error) {
      if (error.name !== "AbortError") {
        region.removeAttribute("aria-busy");
        shown = null; /* the button still submits the form the usual way */
      }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, DELAY);
  }

  input.addEventListener("input", schedule);
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") {
      schedule();
    }
  });
})();
