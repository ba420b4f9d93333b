"""Build the Word layout of the model contract (`model-contract-template.docx`) with python-docx.

The template holds what never comes from a clause: the styles (Arial; hanging clause numbers;
lettered items; definitions; schedule headings; the note box), the title page, the contents,
the parties and background, the execution blocks and a footer with the reference and
"Page X of Y" fields; docxtpl fills its `{{ }}` fields and loops and inserts the clauses and the
schedules as sub-documents. Run `python -m insource.standards.model_contract.build_template`
after changing this file; a test checks the shipped file is what this script builds.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from insource.standards.model_contract.layout import DOCX_TEMPLATE

FIXED_TIME = (2026, 1, 1, 0, 0, 0)
GREY = RGBColor(0x50, 0x5A, 0x5F)
# name: (left indent cm, first-line indent cm, bold, size pt, space before pt, keep with next)
STYLES = {
    "MC Clause Heading": (1.25, -1.25, True, 11, 12, True),
    "MC Sub-clause": (1.25, -1.25, False, None, 0, False),
    "MC Clause Text": (1.25, 0, False, None, 0, False),
    "MC Item": (2.25, -1.0, False, None, 0, False),
    "MC Item 2": (3.25, -1.0, False, None, 0, False),
    "MC Definition": (2.25, 0, False, None, 0, False),
    "MC Schedule Para": (1.0, -1.0, False, None, 0, False),
    "MC Part Heading": (0, 0, True, 10.5, 10, True),
    "MC Section Heading": (0, 0, True, 12, 14, True),
    "MC Note Title": (1.25, 0, True, 9.5, 6, True),
    "MC Note": (1.25, 0, False, 9.5, 0, False),
    "MC Drafting Note": (1.25, 0, False, None, 0, False),
    "MC Contents": (0, 0, False, None, 0, False),
    "MC Table Text": (0, 0, False, 9, 0, False),
}


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after, normal.paragraph_format.line_spacing = Pt(6), 1.15
    for name, (left, first, bold, size, before, keep) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        fmt = style.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
        fmt.space_before, fmt.keep_with_next = Pt(before), keep
        if first:
            fmt.tab_stops.add_tab_stop(Cm(left))
        style.font.bold = bold or None
        if size:
            style.font.size = Pt(size)
    doc.styles["MC Section Heading"].font.all_caps = True
    doc.styles["MC Drafting Note"].font.italic = True
    doc.styles["MC Table Text"].paragraph_format.space_after = Pt(2)
    _schedule_style(doc)
    for name in ("MC Note Title", "MC Note"):
        _box(doc.styles[name])


def _schedule_style(doc) -> None:
    style = doc.styles.add_style("MC Schedule Heading", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.bold, style.font.size = True, Pt(13)
    fmt = style.paragraph_format
    fmt.alignment, fmt.page_break_before, fmt.keep_with_next = WD_ALIGN_PARAGRAPH.CENTER, True, True
    fmt.space_after = Pt(14)


def _box(style) -> None:
    """A grey box round the note on union recognition."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", "505A5F")):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "F3F2F1")):
        shading.set(qn(f"w:{key}"), value)
    ppr.append(borders)
    ppr.append(shading)


def full_width(table, widths_cm=()) -> None:
    """The table across the text width; with `widths_cm`, fixed columns of those widths."""
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    if widths_cm:
        table.autofit = False
        for column, cm in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(cm)
            for cell in column.cells:
                cell.width = Cm(cm)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "505A5F"), ("w:sz", "17")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        props.append(element)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(doc) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.style = doc.styles["Normal"]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(17), alignment=2)
    run = paragraph.add_run(
        "Model contract {{ data.document.reference }}, version {{ data.document.number }}\tPage "
    )
    run.font.size, run.font.color.rgb = Pt(8.5), GREY
    _field(paragraph, "PAGE")
    tail = paragraph.add_run(" of ")
    tail.font.size, tail.font.color.rgb = Pt(8.5), GREY
    _field(paragraph, "NUMPAGES")
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    head = header.add_run("{{ data.authority.name }}")
    head.font.size, head.font.color.rgb = Pt(8.5), GREY


def _centred(doc, text: str, size: float = 10.5, bold=False, italic=False, before=0, after=6):
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = (
        Pt(before),
        Pt(after),
    )
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold or None, italic or None
    return paragraph


def _title_page(doc) -> None:
    _centred(doc, "DRAFT FOR LEGAL REVIEW", 9, bold=True, before=40, after=40)
    doc.add_paragraph("Dated ______________________________")
    _centred(doc, "MODEL CONTRACT FOR SERVICES", 22, bold=True, before=60, after=12)
    _centred(doc, "{{ data.contract.title }}", 14, after=36)
    for text, kind in (
        ("between", "i"),
        ("{{ data.authority.name }}", "b"),
        ("and", "i"),
        ("{{ data.supplier.name }}", "b"),
    ):
        _centred(
            doc, text, 13 if kind == "b" else 10.5, bold=kind == "b", italic=kind == "i", before=10
        )
    table = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Reference", "{{ data.document.reference }}, version {{ data.document.number }}"),
        (
            "Decision",
            "{{ data.decision.reference }} of {{ data.decision.decided_on }}, "
            "signed by {{ data.decision.signer_name }}",
        ),
        ("Services", "{{ data.contract.cpv_text }}; {{ data.contract.place }}"),
        (
            "Generated",
            "{{ data.document.generated_on }} by {{ data.document.generated_by }}, "
            "from the Authority's clause library",
        ),
    ):
        cells = table.add_row().cells
        for cell, text, bold in ((cells[0], label, True), (cells[1], value, False)):
            cell.paragraphs[0].style = doc.styles["MC Table Text"]
            cell.paragraphs[0].add_run(text).bold = bold or None
    full_width(table, (3.0, 13.6))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _loop(doc, start: str, style: str, text: str, end: str = "{%p endfor %}") -> None:
    doc.add_paragraph(start)
    doc.add_paragraph(text, style=style)
    doc.add_paragraph(end)


def _front(doc) -> None:
    doc.add_paragraph("Contents", style="MC Section Heading")
    doc.add_paragraph("Parties and background", style="MC Contents")
    _loop(doc, "{%p for row in contents %}", "MC Contents", "{{ row.heading }}")
    doc.add_paragraph("Execution", style="MC Contents")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("This contract is dated ______________________________")
    doc.add_paragraph("Parties", style="MC Section Heading")
    doc.add_paragraph("{%p for p in parties %}")
    party = doc.add_paragraph("({{ p.label }})\t", style="MC Sub-clause")
    party.add_run("{{ p.name }}").bold = True
    party.add_run("{{ p.text }}.")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("Background", style="MC Section Heading")
    _loop(doc, "{%p for r in recitals %}", "MC Sub-clause", "({{ r.label }})\t{{ r.text }}")
    _loop(doc, "{%p for note in notes %}", "MC Drafting Note", "{{ note }}")
    doc.add_paragraph("Agreed terms", style="MC Section Heading")
    doc.add_paragraph("{{p body }}")
    doc.add_paragraph(
        "This Contract has been entered into on the date stated at the beginning of it.",
        style="MC Clause Text",
    )
    doc.add_paragraph("{{p schedules }}")


def _execution(doc) -> None:
    heading = doc.add_paragraph("Execution", style="MC Section Heading")
    heading.paragraph_format.page_break_before = True
    doc.add_paragraph(
        "Signed by the duly authorised representatives of the parties on the date stated at the "
        "beginning of this Contract."
    )
    for i in (0, 1):
        caption = doc.add_paragraph(
            f"Signed for and on behalf of {{{{ signatories[{i}].party }}}} "
            f"({{{{ signatories[{i}].role }}}})"
        )
        caption.paragraph_format.space_before, caption.runs[0].bold = Pt(18), True
        table = doc.add_table(rows=0, cols=2)
        for label in ("Signature", "Name", "Position", "Date"):
            cells = table.add_row().cells
            for cell, text in ((cells[0], label), (cells[1], "_" * 48)):
                cell.paragraphs[0].add_run(text)
                cell.paragraphs[0].paragraph_format.space_before = Pt(18)
        full_width(table, (3.5, 13.1))


def build() -> bytes:
    """The template's bytes (fixed zip timestamps, so the same script gives the same file)."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.start_type = WD_SECTION.NEW_PAGE
    _styles(doc)
    _footer(doc)
    _title_page(doc)
    _front(doc)
    _execution(doc)
    props = doc.core_properties
    props.author = "Insource"
    props.title = "Model contract"  # only dc:/dcterms: properties: see render_docx._properties
    props.created = props.modified = datetime(*FIXED_TIME)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(content: bytes) -> bytes:
    """The same zip with fixed entry timestamps: identical content gives identical bytes."""
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    DOCX_TEMPLATE.write_bytes(build())
    print(f"wrote {DOCX_TEMPLATE}")
