"""Write services of the reviews app (each atomic, audited, with `by` and `at`)."""
