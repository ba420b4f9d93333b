"""Reading outside JSON safely: a nesting limit checked on the raw bytes, before any parser.

A parser never sees a document nested deeper than the limit: `DepthScanner` follows the
brackets of the bytes as they are read (outside strings, minding escapes), vectorised with
NumPy so it costs little next to parsing, and raises `JsonTooDeep` at the first byte past the
limit. A 200 KB file of 100,000 nested arrays is refused after its first read instead of
building gigabytes of parser state (ADR 0016). `GuardedReader` wraps a binary file for ijson
or line iteration and also drops a UTF-8 byte-order mark.
"""

from __future__ import annotations

import io

import numpy as np

MAX_DEPTH = 32
MAX_DIGITS = 1000
BOM = b"\xef\xbb\xbf"
_QUOTE, _BACKSLASH = 0x22, 0x5C
_OPEN, _CLOSE = (0x5B, 0x7B), (0x5D, 0x7D)


class JsonLimitError(ValueError):
    """The JSON passes a limit; nothing past it was parsed. `str()` says which, in words."""


class JsonTooDeep(JsonLimitError):
    """Nested deeper than the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"it is nested more than {limit} levels deep")


class JsonNumberTooLong(JsonLimitError):
    """A run of digits longer than the limit (ijson's C parser crashes on huge integers)."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"it holds a number (or run of digits) longer than {limit:,} digits")


class DepthScanner:
    """Follows the nesting depth of JSON bytes fed in pieces; raises past `limit`."""

    def __init__(self, limit: int = MAX_DEPTH):
        self.limit = limit
        self.depth = 0
        self.in_string = False
        self.escape_next = False  # the last piece ended with an unpaired backslash
        self.digits = 0  # length of the run of digits that ended the last piece

    def feed(self, data: bytes) -> None:
        if not data:
            return
        if self.escape_next:
            data = b"_" + data[1:]
        self._check_digits(np.frombuffer(data, dtype=np.uint8))
        found = _marks(data)
        if self.escape_next or (found == _BACKSLASH).any():
            found = _marks(_unescaped(data))
        self.escape_next = _ends_escaping(data)
        is_quote = found == _QUOTE
        inside = (np.cumsum(is_quote) + self.in_string) % 2 == 1
        steps = _STEP[found[~inside & ~is_quote]]
        if steps.size:
            depths = self.depth + np.cumsum(steps)
            if depths.max() > self.limit:
                raise JsonTooDeep(self.limit)
            self.depth = int(depths[-1])
        self.in_string = bool(inside[-1]) if found.size else self.in_string

    def _check_digits(self, a: np.ndarray) -> None:
        """Refuse a run of more than MAX_DIGITS digits, counting on from the last piece."""
        digit = (a - 48) < 10  # unsigned: bytes below "0" wrap round to large values
        if not digit.any():
            self.digits = 0
            return
        bounds = np.concatenate(([0], np.flatnonzero(digit[1:] != digit[:-1]) + 1, [a.size]))
        lengths = np.diff(bounds)
        lengths[0] += self.digits if digit[0] else 0
        if lengths[digit[bounds[:-1]]].max() > MAX_DIGITS:
            raise JsonNumberTooLong(MAX_DIGITS)
        self.digits = int(lengths[-1]) if digit[-1] else 0


def _marks(data: bytes) -> np.ndarray:
    """The quotes, brackets and backslashes of `data`, in order."""
    a = np.frombuffer(data, dtype=np.uint8)
    marks = a == _QUOTE
    for byte in (*_OPEN, *_CLOSE, _BACKSLASH):
        marks |= a == byte
    return a[np.flatnonzero(marks)]


def _unescaped(data: bytes) -> bytes:
    """The bytes with every escaped quote and backslash blanked: only real quotes remain."""
    return data.replace(b"\\\\", b"__").replace(b'\\"', b"__")


def _ends_escaping(data: bytes) -> bool:
    """True if `data` ends with an odd run of backslashes (the next byte is escaped)."""
    return (len(data) - len(data.rstrip(b"\\"))) % 2 == 1


_STEP = np.zeros(256, dtype=np.int64)
_STEP[list(_OPEN)] = 1
_STEP[list(_CLOSE)] = -1


class GuardedReader(io.RawIOBase):
    """A binary file whose bytes pass the depth scanner as they are read; drops a UTF-8 BOM."""

    def __init__(self, raw, limit: int = MAX_DEPTH):
        self._raw = raw
        self._scanner = DepthScanner(limit)
        self._started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(len(buffer))
        if not self._started:
            self._started = True
            data = data.removeprefix(BOM) if len(data) >= 3 else data
        self._scanner.feed(data)
        buffer[: len(data)] = data
        return len(data)


def guarded(raw, limit: int = MAX_DEPTH, buffer_size: int = 1 << 20) -> io.BufferedReader:
    """`raw` (a binary file) read through the depth scanner, buffered for ijson and lines."""
    return io.BufferedReader(GuardedReader(raw, limit), buffer_size=buffer_size)


def check_depth(data: bytes, limit: int = MAX_DEPTH) -> None:
    """Raise `JsonTooDeep` if the JSON bytes nest deeper than `limit`."""
    DepthScanner(limit).feed(data.removeprefix(BOM))
