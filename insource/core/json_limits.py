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
MAX_ELEMENT_BYTES = 32 * 1024 * 1024  # one release (or record) of an OCDS file
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


class JsonElementTooLarge(JsonLimitError):
    """One element (a release, a record) is larger than the limit."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"one release or record in it is larger than {limit // 2**20} MB")


class JsonNumberTooLong(JsonLimitError):
    """A run of digits longer than the limit (ijson's C parser crashes on huge integers)."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"it holds a number (or run of digits) longer than {limit:,} digits")


class DepthScanner:
    """Follows the nesting depth of JSON bytes fed in pieces; raises past `limit`."""

    def __init__(self, limit: int = MAX_DEPTH, element_depth: int | None = None):
        self.limit = limit
        self.element_depth = element_depth  # elements entered at this depth are size-limited
        self.max_element_bytes = MAX_ELEMENT_BYTES
        self.offset = 0  # bytes fed so far
        self.element_start: int | None = None  # where the element open at the end began
        self.depth = 0
        self.in_string = False
        self.escape_next = False  # the last piece ended with an unpaired backslash
        self.digits = 0  # length of the run of digits that ended the last piece
        # Kept only when asked (`keep_positions`): where each element opened and closed, and
        # where each container holding elements (one level up) opened, as absolute offsets.
        self.positions: dict[str, list] | None = None
        # When set: the offset of the first bracket that takes the depth below this level.
        self.stop_below: int | None = None
        self.stopped_at: int | None = None

    def keep_positions(self) -> None:
        self.positions = {"starts": [], "ends": [], "outer": []}

    def position_array(self, name: str) -> np.ndarray:
        found = self.positions[name] if self.positions else []
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def feed(self, data: bytes) -> None:
        if not data:
            return
        if self.escape_next:
            data = b"_" + data[1:]
        self.escape_next = _ends_escaping(data)
        a = np.frombuffer(data, dtype=np.uint8)
        self._check_digits(a)
        marks = np.frombuffer(data.translate(_ONLY_MARKS), dtype=np.uint8)
        where = np.flatnonzero(marks != 0)  # on booleans: twice as fast as on the bytes
        found = marks[where]
        keep = ~_escaped(where, found) & (found != _BACKSLASH)
        found, where = found[keep], where[keep]
        is_quote = found == _QUOTE
        inside = (np.cumsum(is_quote) + self.in_string) % 2 == 1
        structural = ~inside & ~is_quote
        steps = _STEP[found[structural]]
        if steps.size:
            depths = self.depth + np.cumsum(steps)
            if depths.max() > self.limit:
                raise JsonTooDeep(self.limit)
            if self.stop_below is not None and self.stopped_at is None:
                below = np.flatnonzero(depths < self.stop_below)
                if below.size:
                    self.stopped_at = self.offset + int(where[structural][below[0]])
            self.depth = int(depths[-1])
            if self.element_depth:
                self._check_elements(where[structural], steps, depths)
        self.in_string = bool(inside[-1]) if found.size else self.in_string
        self.offset += len(data)
        if self.element_start is not None and self.offset - self.element_start > (
            self.max_element_bytes
        ):
            raise JsonElementTooLarge(self.max_element_bytes)

    def _check_elements(self, where: np.ndarray, steps: np.ndarray, depths: np.ndarray) -> None:
        """Pair each element opened at `element_depth` with its close; refuse one too large
        and keep where the one still open at the end began."""
        level = self.element_depth
        starts = self.offset + where[(steps > 0) & (depths == level)]
        if self.positions is not None:
            self.positions["starts"].append(starts)
            self.positions["ends"].append(self.offset + where[(steps < 0) & (depths == level - 1)])
            self.positions["outer"].append(self.offset + where[(steps > 0) & (depths == level - 1)])
        if self.element_start is not None:
            starts = np.concatenate(([self.element_start], starts))
        ends = self.offset + where[(steps < 0) & (depths == level - 1)]
        if ends.size and (ends - starts[: ends.size]).max() > self.max_element_bytes:
            raise JsonElementTooLarge(self.max_element_bytes)
        self.element_start = int(starts[ends.size]) if starts.size > ends.size else None

    def _check_digits(self, a: np.ndarray) -> None:
        """Refuse a run of more than MAX_DIGITS digits, counting on from the last piece.

        A run that long covers two neighbouring samples `_STRIDE` bytes apart, so only the
        neighbourhoods of such sample pairs (rare) are measured exactly, plus both ends.
        """
        lead = _digits_at_start(a[: MAX_DIGITS + 1])
        if self.digits + lead > MAX_DIGITS:
            raise JsonNumberTooLong(MAX_DIGITS)
        if lead == a.size:
            self.digits += lead
            return
        samples = (a[::_STRIDE] - 48) < 10  # unsigned: bytes below "0" wrap round
        for k in np.flatnonzero(samples[:-1] & samples[1:]):
            low, high = max(k * _STRIDE - MAX_DIGITS, 0), (k + 1) * _STRIDE + MAX_DIGITS + 1
            if _longest_digits(a[low:high]) > MAX_DIGITS:
                raise JsonNumberTooLong(MAX_DIGITS)
        self.digits = _digits_at_start(a[::-1][: MAX_DIGITS + 1])


_STRIDE = MAX_DIGITS // 2


def _digits_at_start(a: np.ndarray) -> int:
    others = np.flatnonzero((a - 48) >= 10)
    return int(others[0]) if others.size else a.size


def _longest_digits(a: np.ndarray) -> int:
    digit = (a - 48) < 10
    bounds = np.concatenate(([0], np.flatnonzero(digit[1:] != digit[:-1]) + 1, [a.size]))
    runs = np.diff(bounds)[digit[bounds[:-1]]]
    return int(runs.max()) if runs.size else 0


def _escaped(where: np.ndarray, found: np.ndarray) -> np.ndarray:
    """For each mark, True if it directly follows an odd run of backslashes (escaped)."""
    backslash = found == _BACKSLASH
    escaped = np.zeros(found.size, dtype=bool)
    adjacent = np.zeros(found.size, dtype=bool)
    adjacent[1:] = where[1:] == where[:-1] + 1
    if not (backslash[:-1] & adjacent[1:]).any():  # only \u, \n...: nothing a mark escapes
        return escaped
    index = np.arange(found.size)
    continues = backslash & adjacent & np.concatenate(([False], backslash[:-1]))
    start = np.maximum.accumulate(np.where(backslash & ~continues, index, 0))
    run = np.where(backslash, index - start + 1, 0)
    escaped[1:] = adjacent[1:] & (run[:-1] % 2 == 1)
    return escaped


def _ends_escaping(data: bytes) -> bool:
    """True if `data` ends with an odd run of backslashes (the next byte is escaped)."""
    return (len(data) - len(data.rstrip(b"\\"))) % 2 == 1


# bytes.translate table keeping quotes, brackets and backslashes and zeroing every other byte
_ONLY_MARKS = bytes(b if b in (_QUOTE, _BACKSLASH, *_OPEN, *_CLOSE) else 0 for b in range(256))
_STEP = np.zeros(256, dtype=np.int64)
_STEP[list(_OPEN)] = 1
_STEP[list(_CLOSE)] = -1


class GuardedReader(io.RawIOBase):
    """A binary file whose bytes pass the depth scanner as they are read; drops a UTF-8 BOM."""

    def __init__(self, raw, limit: int = MAX_DEPTH, element_depth: int | None = None):
        self._raw = raw
        self._scanner = DepthScanner(limit, element_depth)
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


def guarded(
    raw, limit: int = MAX_DEPTH, element_depth: int | None = None, buffer_size: int = 1 << 20
) -> io.BufferedReader:
    """`raw` (a binary file) read through the scanner, buffered for ijson and lines; elements
    entered at `element_depth` (releases, records) are limited to MAX_ELEMENT_BYTES."""
    return io.BufferedReader(GuardedReader(raw, limit, element_depth), buffer_size=buffer_size)


def check_depth(data: bytes, limit: int = MAX_DEPTH) -> None:
    """Raise `JsonTooDeep` if the JSON bytes nest deeper than `limit`."""
    DepthScanner(limit).feed(data.removeprefix(BOM))
