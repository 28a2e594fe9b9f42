"""What every format plugin must pass, whatever its container: strip, trailers, memory maps.

A plugin here is a `schoollint.formats` module with `read(data) -> facts` and
`strip(data, kinds) -> bytes`.
"""

from __future__ import annotations

from schoollint.formats.model import KINDS, PREVIEW


def stripped_by(plugin, data: bytes, kinds) -> bytes:
    """The plugin's strip of `data`, checked to hold none of `kinds` and to change nothing a second time."""
    result = plugin.strip(data, frozenset(kinds))
    assert plugin.strip(result, frozenset(kinds)) == result, "a second strip must change nothing"
    assert not plugin.read(result).of_kind(*kinds)
    return result


def assert_trailer_is_a_preview_item(plugin, image: bytes, trailer: bytes, other_kind: str):
    """Bytes after the image: one PREVIEW item, kept unless previews are stripped. Returns the item."""
    data = image + trailer
    [item] = plugin.read(data).of_kind(PREVIEW)
    assert item.value == f"{len(trailer)} bytes"
    assert plugin.strip(data, frozenset({other_kind})) == data
    assert stripped_by(plugin, data, {PREVIEW}) == image
    return item


def same_from_an_mmap(plugin, data: bytes, path) -> None:
    """Reading and stripping an mmap of the file give what reading its bytes gives."""
    import mmap

    path.write_bytes(data)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert plugin.read(mapped) == plugin.read(data)
        assert plugin.strip(mapped, KINDS) == plugin.strip(data, KINDS)
