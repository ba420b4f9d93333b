"""Forms of the appraisal pages (`appraisal`: settings and cost lines; `runs`: running and loading
a document), and what they start from (`initial`). They parse only; the services decide."""
