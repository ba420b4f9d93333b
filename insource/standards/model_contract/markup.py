"""The plain-text markup a filled clause is written in, parsed into numbered blocks. Pure.

A clause's filled text is split into paragraphs at blank lines. In a clause each paragraph is a
numbered sub-clause (4.1, 4.2; a clause of one paragraph is not sub-numbered); in a schedule
the paragraphs are numbered 1, 2, 3. Inside a paragraph, lines that start with a marker are
their own blocks and other lines continue the block before them:

    - text          a lettered item (a), (b) ... under the sub-clause before it
      - text        (indented) a numbered item (i), (ii) ... under the item before it
    * text          an unnumbered, indented paragraph (a definition)
    ## text         a heading inside a schedule (a Part)
    | a | b |       a table row; the first row is the header; |---| rows are ignored
    **text**        bold, anywhere in a line

Both the Word and the PDF rendering read the same blocks, so the two files say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BOLD = re.compile(r"\*\*(.+?)\*\*")
SEPARATOR = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass
class Block:
    """One paragraph-level piece of a clause: kind is para, item, defn, heading or table."""

    kind: str
    label: str = ""
    level: int = 1
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def runs(self) -> list[tuple[str, bool]]:
        return runs(self.text)


def runs(text: str) -> list[tuple[str, bool]]:
    """`"a **b** c"` -> `[("a ", False), ("b", True), (" c", False)]` (empty runs dropped)."""
    parts = BOLD.split(text)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


def _letter(n: int) -> str:
    return chr(ord("a") + n) if n < 26 else f"a{chr(ord('a') + n - 26)}"


def _roman(n: int) -> str:
    return ROMAN[n] if n < len(ROMAN) else str(n + 1)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


class _Parser:
    def __init__(self, prefix: str):
        self.prefix, self.blocks, self.paras = prefix, [], 0
        self.items, self.subitems, self.table = 0, 0, None

    def line(self, raw: str, first: bool) -> None:
        text, indent = raw.strip(), len(raw) - len(raw.lstrip())
        if text.startswith("|"):
            self._row(text)
        elif text.startswith("## "):
            self.blocks.append(Block("heading", text=text[3:].strip()))
        elif text.startswith("- "):
            self._item(text[2:].strip(), 2 if indent >= 2 else 1)
        elif text.startswith("* "):
            self.blocks.append(Block("defn", text=text[2:].strip()))
        elif not first and self.blocks and self.blocks[-1].kind in ("para", "item", "defn"):
            self.blocks[-1].text += " " + text
        else:
            self._para(text)

    def _para(self, text: str) -> None:
        self.paras += 1
        self.items = 0
        number = f"{self.prefix}.{self.paras}" if self.prefix else f"{self.paras}."
        self.blocks.append(Block("para", label=number, text=text))

    def _item(self, text: str, level: int) -> None:
        if level == 1:
            label, self.items, self.subitems = f"({_letter(self.items)})", self.items + 1, 0
        else:
            label, self.subitems = f"({_roman(self.subitems)})", self.subitems + 1
        self.blocks.append(Block("item", label=label, level=level, text=text))

    def _row(self, text: str) -> None:
        if SEPARATOR.match(text.replace(" ", "")):
            return
        if self.table is None or self.blocks[-1] is not self.table:
            self.table = Block("table")
            self.blocks.append(self.table)
        self.table.rows.append(_cells(text))


def parse(text: str, prefix: str = "") -> list[Block]:
    """The blocks of a filled clause; `prefix` numbers sub-clauses (`"4"` -> 4.1, 4.2)."""
    parser = _Parser(prefix)
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            parser.line(line, first=i == 0)
        parser.table = None
    if prefix and parser.paras == 1:
        for block in parser.blocks:
            if block.kind == "para":
                block.label = ""
    return parser.blocks
