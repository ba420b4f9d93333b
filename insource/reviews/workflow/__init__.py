"""The review workflow's rules, pure (no database, no clock): the question pages (`questions`), the
review's facts document (`review_facts`), decision points and lateness (`timing`), the procedural
prerequisites (`prerequisites`) and the checks on the workflow details (`checks`)."""
