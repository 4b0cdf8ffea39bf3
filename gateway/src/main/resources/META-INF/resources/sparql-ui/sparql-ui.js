// SPARQL UI for analysts: YASGUI (vendored, see vendor/VENDOR.md) pointed at this gateway's /sparql, with the
// example queries of examples/ as tabs. Nothing is fetched from other hosts: the class/property autocompleters that
// call an external vocabulary service are turned off; prefixes come from YASGUI's built-in list.
(function () {
  "use strict";
  var KEY_STORAGE = "kg-gateway.sparql-ui.api-key";
  var keyInput = document.getElementById("api-key");
  keyInput.value = sessionStorage.getItem(KEY_STORAGE) || "";
  keyInput.addEventListener("change", function () {
    sessionStorage.setItem(KEY_STORAGE, keyInput.value);
  });

  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  var endpoint = window.location.origin + "/sparql";
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: endpoint,
      method: "POST",
      headers: function () {
        var key = keyInput.value.trim();
        return key ? { "X-API-Key": key } : {};
      }
    },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "kg-gateway-sparql-ui"
  });
  window.kgYasgui = yasgui; // for tests and the browser console

  function loadExamples() {
    return fetch("examples/examples.json").then(function (r) { return r.json(); }).then(function (examples) {
      return Promise.all(examples.map(function (ex) {
        return fetch("examples/" + ex.file).then(function (r) { return r.text(); })
          .then(function (text) { return { name: ex.name, text: text }; });
      }));
    }).then(function (loaded) {
      loaded.forEach(function (ex, i) {
        var existing = yasgui.tabNameTaken(ex.name);
        if (existing) {
          existing.getYasqe() ? existing.getYasqe().setValue(ex.text) : existing.setQuery(ex.text);
        } else {
          yasgui.addTab(i === 0, { name: ex.name, yasqe: { value: ex.text }, requestConfig: { endpoint: endpoint } });
        }
      });
      var first = yasgui.tabNameTaken(loaded[0].name);
      if (first) {
        yasgui.selectTabId(first.getId());
      }
    });
  }

  document.getElementById("reset-examples").addEventListener("click", loadExamples);
  // First visit (nothing persisted besides YASGUI's empty default tab): open the examples.
  if (!localStorage.getItem("kg-gateway.sparql-ui.examples-loaded")) {
    loadExamples().then(function () {
      localStorage.setItem("kg-gateway.sparql-ui.examples-loaded", "1");
    });
  }
})();
