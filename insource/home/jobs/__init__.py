"""The background jobs pages for the site's administrators (ADR 0054): every job's kind, who
asked for it and when, how it ended and what it counted; the daily runs started by hand."""
