// Wide tables on narrow screens (ADR 0038): a table that does not reflow (the register's do, by
// CSS) is put in a box that scrolls sideways on its own, so the page never does. The box is a
// named region (the table's caption) and, when it does scroll, takes the keyboard's focus so it
// can be scrolled with the arrow keys; its focus is shown (insource.css, .app-table-scroll).
let counter = 0;

function label(box, table) {
  const caption = table.querySelector("caption");
  if (caption && caption.textContent.trim()) {
    caption.id = caption.id || `app-table-caption-${++counter}`;
    box.setAttribute("aria-labelledby", caption.id);
  } else {
    box.setAttribute("aria-label", document.documentElement.lang === "cy" ? "Tabl" : "Table");
  }
}

function focusable(box) {
  if (box.scrollWidth > box.clientWidth + 1) {
    box.setAttribute("tabindex", "0");
  } else {
    box.removeAttribute("tabindex");
  }
}

export function wrapWideTables(root = document) {
  const boxes = [];
  for (const table of root.querySelectorAll("table.govuk-table:not(.app-table--reflow)")) {
    if (table.parentElement.classList.contains("app-table-scroll")) continue;
    const box = document.createElement("div");
    box.className = "app-table-scroll";
    box.setAttribute("role", "region");
    label(box, table);
    table.replaceWith(box);
    box.appendChild(table);
    boxes.push(box);
  }
  const update = () => boxes.forEach(focusable);
  update();
  window.addEventListener("resize", update);
}
