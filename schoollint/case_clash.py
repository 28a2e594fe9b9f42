"""Files whose paths differ only in case (`images/Team.jpg` and `images/team.JPG`; trial 8 item 13), or
only in how an accented letter is encoded (trial 10 item 9: `zoë-ellis.jpg` written composed, NFC, and
decomposed, NFD, as macOS writes names; Unicode Standard Annex #15). Both are checked, but on Windows
and macOS, whose file systems ignore case (and on macOS, normalisation), a checkout holds only one of
them, and a web server that ignores case serves one for both: a page may show the photo no one meant.
Said in a note naming both, so that one is renamed."""

from __future__ import annotations


def _key(path: str) -> str:
    """What a file system that ignores case and normalisation sees of `path` (ASCII needs no NFC)."""
    if path.isascii():
        return path.lower()
    import unicodedata

    return unicodedata.normalize("NFC", path).lower()


def case_clashes(files: list[str]) -> list[str]:
    """A note for each group of `files` (repository-relative paths) that differ only in case or in
    Unicode normalisation (NFC against NFD)."""
    if len(set(map(_key, files))) == len(files):   # the usual answer, at a set's cost (20,000 paths: ~4 ms)
        return []
    seen: dict[str, list[str]] = {}
    for path in files:
        seen.setdefault(_key(path), []).append(path)
    return [_note(sorted(group)) for group in sorted(seen.values()) if len(group) > 1]


def _note(group: list[str]) -> str:
    import unicodedata

    forms = {unicodedata.normalize("NFC", path) for path in group}
    if forms == set(group):     # each written composed, so the names show how they differ: in case
        return (f"{' and '.join(group)} differ only in case: on Windows and macOS, and on a web server that "
                "ignores case, one hides the other (a checkout there holds only one); rename one of them")
    # names that may look the same: say which is which encoding, or the note seems to name one file twice
    named = " and ".join(f"{path} ({_form(path)})" for path in group)
    also = " and in case" if len(forms) > 1 else ""
    return (f"{named} differ only in how accented letters are encoded (Unicode NFC and NFD){also}: they "
            "look the same, and on macOS, and on a web server that normalises names, one hides the other "
            "(a checkout there holds only one); rename one of them, or delete the copy")

def _form(path: str) -> str:
    import unicodedata

    if unicodedata.is_normalized("NFC", path):
        return "composed, NFC"
    return "decomposed, NFD" if unicodedata.is_normalized("NFD", path) else "mixed"

