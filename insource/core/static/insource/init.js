// Start GOV.UK Frontend's JavaScript components (loaded as an ES module, no inline script).
import { initAll } from "../govuk/govuk-frontend.min.js";
import { wrapWideTables } from "./tables.js";

initAll();
wrapWideTables();

// The authority autocomplete (ADR 0038) is loaded only on a page with an authority text box.
const authorityInputs = document.querySelectorAll('[data-module="app-authority-autocomplete"]');
if (authorityInputs.length) {
  import("./authority-autocomplete.js").then((module) => module.enhance(authorityInputs));
}
