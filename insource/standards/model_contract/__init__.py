"""The model contract (POLICY.md §4 MS13): versioned clause templates filled from a contract and
its outsourcing decision, rendered as Word (docxtpl) and PDF (WeasyPrint), stored and verifiable.

`models` (ClauseVersion, ModelContractDocument), `library` (the clause templates: shipped
defaults, versions, validation), `ms2` (the union recognition guard), `context` (the data a
document is filled from), `render_docx` / `render_pdf`, `services` (generate, verify),
`selectors`, `views`, `cli` (`insource standards model-contract ...`). ADR 0011.
"""
