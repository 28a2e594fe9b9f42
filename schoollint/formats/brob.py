"""Brotli-compressed boxes ('brob'): JPEG XL metadata (ISO/IEC 18181-2 section 9.1) and
compressed C2PA assertions. The payload is the 4-byte type of the box it stands for, then a
Brotli stream (RFC 7932).

Inflation is bounded: a few kilobytes of Brotli can claim gigabytes, so output stops at
MAX_INFLATED and the box is a MediaError ("inflates to more than ..."). Needs the Brotli
package (a dependency); its absence is a MediaError naming it, never a silent pass.
"""

from __future__ import annotations

from .model import MediaError

MAX_INFLATED = 16 * 2**20


def inflate(payload: bytes, where: str) -> tuple[bytes, bytes]:
    """(the inner box type, its inflated payload). MediaError when it is cut short, corrupt or
    inflates past MAX_INFLATED."""
    if len(payload) < 4:
        raise MediaError(f"{where}: brob box of {len(payload)} bytes has no inner box type")
    try:
        import brotli
    except ImportError:
        raise MediaError(f"{where}: a Brotli-compressed box needs the Brotli package (pip install brotli)") from None
    decompressor, parts, total = brotli.Decompressor(), [], 0
    try:
        chunk = decompressor.process(bytes(payload[4:]), output_buffer_limit=MAX_INFLATED)
        while True:
            parts.append(chunk)
            total += len(chunk)
            if total > MAX_INFLATED:
                raise MediaError(f"{where}: brob box inflates to more than {MAX_INFLATED // 2**20} MiB")
            if decompressor.is_finished() or decompressor.can_accept_more_data():
                break
            chunk = decompressor.process(b"", output_buffer_limit=MAX_INFLATED)
    except brotli.error as exc:
        raise MediaError(f"{where}: brob box is not valid Brotli ({exc})") from None
    if not decompressor.is_finished():
        raise MediaError(f"{where}: brob box's Brotli stream is cut short")
    return bytes(payload[:4]), b"".join(parts)
