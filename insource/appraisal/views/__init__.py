"""Officer pages of a review's options appraisal (`appraisal`: the page, settings, loading and
running; `lines`: one cost line; `runs`: a run's pages and downloads, and the public CSV of a
published decision's run), and the page's context (`page`)."""
