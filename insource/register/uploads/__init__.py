"""A register file uploaded from the browser (issue 17, ADR 0032): staged under a random name,
its columns matched to the register's fields (saved per authority), a dry run row by row, then
the import in the background (ADR 0031) through the same import service as the command line,
with progress, a history and each run's report."""
