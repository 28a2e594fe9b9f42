"""The damaged-input sweep every format plugin's tests share: truncations, flipped bytes and
random overwrites of a real file, each read and stripped by the plugin (`only_media_errors`);
the downscale tests feed `mixed_damage` to the fix instead.

What it guarantees (the project's "bad input" standard): every damaged file gives a result or a
`MediaError`, never another exception, and each file is done within `SECONDS`, or the test fails.
"""

from __future__ import annotations

import contextlib
import random
import signal
import threading
from collections.abc import Callable, Iterable, Iterator

import pytest

from schoollint.formats.model import KINDS, MediaError

SECONDS = 10.0      # per damaged file: generous on a loaded machine, far beyond any honest read


class _Expired(BaseException):
    """Raised by the timer: a BaseException, so that no `except Exception` in a plugin hides it."""


@contextlib.contextmanager
def _time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail the test if the block runs longer than `seconds` (where SIGALRM exists, on the main thread)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        pytest.fail(f"{what} took more than {seconds} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def truncations(data: bytes) -> Iterator[bytes]:
    """Every prefix of `data`, from empty to one byte short."""
    for cut in range(len(data)):
        yield data[:cut]


def flipped_bytes(data: bytes, masks: tuple[int, ...] = (0x01, 0x80, 0xFF)) -> Iterator[bytes]:
    """`data` with one byte XORed with one of `masks`, for every byte and mask."""
    for offset in range(len(data)):
        for mask in masks:
            broken = bytearray(data)
            broken[offset] ^= mask
            yield bytes(broken)


def patched(data: bytes, *, seed: int, patch: Callable[[random.Random], bytes], count: int = 400,
            within: int | None = None, cut: bool = False) -> Iterator[bytes]:
    """`count` copies of `data`, each with 1 to 4 runs overwritten by `patch(rng)` at random offsets
    (below `within`, when given); with `cut`, each is then cut to between half and all of its length.
    The same `seed` gives the same copies."""
    rng = random.Random(seed)
    for _ in range(count):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(min(len(damaged), within or len(damaged)))
            replacement = patch(rng)
            damaged[position:position + len(replacement)] = replacement
        yield bytes(damaged[:rng.randrange(len(damaged) // 2, len(damaged) + 1)] if cut else damaged)


def mixed_damage(data: bytes, *, seed: int, count: int) -> Iterator[bytes]:
    """`count` copies of `data`, each either truncated anywhere or with 1 to 8 bytes anywhere
    (headers, tables, pixel data) flipped in one bit, zeroed or set to 0xFF. The same `seed` gives
    the same copies."""
    chooser = random.Random(seed)
    for _ in range(count):
        damaged = bytearray(data)
        how = chooser.choice(["truncate", "flip", "zero", "ff"])
        if how == "truncate":
            damaged = damaged[:chooser.randrange(1, len(damaged))]
        for _ in range(0 if how == "truncate" else chooser.randint(1, 8)):
            at = chooser.randrange(len(damaged))
            damaged[at] = {"flip": damaged[at] ^ (1 << chooser.randrange(8)), "zero": 0, "ff": 0xFF}[how]
        yield bytes(damaged)


def only_media_errors(plugin, damaged: Iterable[bytes]) -> None:
    """Reading and stripping each damaged file gives facts, bytes or a MediaError: nothing else,
    within `SECONDS` each."""
    for number, data in enumerate(damaged):
        with _time_limit(SECONDS, f"damaged file {number} ({len(data)} bytes)"):
            for attempt in (plugin.read, lambda d: plugin.strip(d, KINDS)):
                try:
                    attempt(data)
                except MediaError:
                    pass


def assert_every_truncation_is_refused(plugin, data: bytes) -> None:
    """Every prefix of `data` is refused by read with a MediaError (PartlyRead when the metadata
    before the cut was read); strip refuses it too, or strips what was read before the cut and
    gives bytes that are still refused, with none of it left (within `SECONDS`)."""
    for data_cut in truncations(data):
        with _time_limit(SECONDS, f"the first {len(data_cut)} bytes"):
            with pytest.raises(MediaError):
                plugin.read(data_cut)
            try:
                stripped = plugin.strip(data_cut, KINDS)
            except MediaError:
                continue
            with pytest.raises(MediaError) as still_cut:   # a strip never makes a cut file pass as whole
                plugin.read(stripped)
            assert not getattr(still_cut.value, "facts", None) or not still_cut.value.facts.of_kind(*KINDS)
