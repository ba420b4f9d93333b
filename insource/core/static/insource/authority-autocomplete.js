// Progressive enhancement (ADR 0038): an authority's text box becomes alphagov's accessible
// autocomplete, offering the authorities that review contracts (the cached JSON list named by the
// box's data-source). Without JavaScript, or if the list cannot be fetched, the text box is sent
// as typed and the server reads it by name or code. What the person chooses is sent as the
// authority's name (a name two authorities share carries the code: "Name (CODE)").
import "../autocomplete/accessible-autocomplete.min.js";

const MAX_SHOWN = 20;
const lists = new Map();

function plain(text) {
  return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function wordsOf(text) {
  return plain(text).split(/[^a-z0-9]+/).filter(Boolean);
}

function load(url) {
  if (!lists.has(url)) {
    const list = fetch(url, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : []))
      .then((labels) => labels.map((label) => ({ label, words: wordsOf(label) })))
      .catch(() => []);
    lists.set(url, list);
  }
  return lists.get(url);
}

// Every word typed starts a word of the name; names starting with the first word come first.
function matching(entries, query) {
  const typed = wordsOf(query);
  if (!typed.length) return [];
  const first = [];
  const rest = [];
  for (const entry of entries) {
    if (typed.every((part) => entry.words.some((word) => word.startsWith(part)))) {
      (entry.words[0].startsWith(typed[0]) ? first : rest).push(entry.label);
    }
  }
  return first.concat(rest).slice(0, MAX_SHOWN);
}

function describedText(input) {
  return (input.getAttribute("aria-describedby") || "")
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter(Boolean)
    .map((element) => element.textContent.trim())
    .join(". ");
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

// The spoken status in the page's language (the box's data-status-* attributes, translated by
// the server); the library's English where one is missing.
function statusTexts(data) {
  const texts = {};
  if (data.statusTooShort) texts.tStatusQueryTooShort = (n) => fill(data.statusTooShort, { n });
  if (data.statusNoResults) texts.tStatusNoResults = () => data.statusNoResults;
  if (data.statusSelected) {
    texts.tStatusSelectedOption = (option, length, index) =>
      fill(data.statusSelected, { option, length, index: index + 1 });
  }
  if (data.statusResults && data.statusOneResult) {
    texts.tStatusResults = (length, selected) =>
      `${length === 1 ? data.statusOneResult : fill(data.statusResults, { n: length })} ${selected}`;
  }
  return texts;
}

export function enhance(inputs) {
  if (typeof window.accessibleAutocomplete !== "function") return;
  for (const input of inputs) {
    const container = document.createElement("div");
    container.className = "app-authority-autocomplete";
    input.insertAdjacentElement("afterend", container);
    const url = input.dataset.source;
    const described = describedText(input);
    const instructions = input.dataset.assistiveHint || "";
    const noResults = input.dataset.noResults || "No results found";
    const invalid = input.classList.contains("govuk-input--error");
    const { id, name, value } = input;
    const texts = statusTexts(input.dataset);
    input.remove();
    window.accessibleAutocomplete({
      element: container,
      id,
      name,
      defaultValue: value,
      minLength: 2,
      displayMenu: "overlay",
      confirmOnBlur: false,
      showNoOptionsFound: true,
      inputClasses: invalid ? "govuk-input--error" : null,
      source: (query, populate) => load(url).then((entries) => populate(matching(entries, query))),
      tNoResults: () => noResults,
      tAssistiveHint: () => [described, instructions].filter(Boolean).join(". "),
      ...texts,
    });
  }
}
