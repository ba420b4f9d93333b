"""A person's identity kept out of what is published: their name and email address replaced in
a text they (or anyone) wrote. Shared by information requests and public comments."""

from __future__ import annotations

import re


def hide_identity(
    text: str, *, name: str, email: str, replacement: str
) -> tuple[str, int, list[str]]:
    """The text with the name and email address replaced (whole words, any case; either left
    alone when shorter than 3 characters), how many replacements, and which of the two
    occurred."""
    total, found = 0, []
    for secret in (email, name):
        secret = (secret or "").strip()
        if len(secret) < 3:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(secret)}(?!\w)", re.IGNORECASE)
        text, count = pattern.subn(replacement, text)
        if count:
            total, found = total + count, [*found, secret]
    return text, total, found
