// Start GOV.UK Frontend's JavaScript components (loaded as an ES module, no inline script).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
