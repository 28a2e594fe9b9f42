"""Periodic review: the review log, and the run-level rules SL604 and SL605.

The guidance's first practical action is "Regularly Review Online Content":
periodic audits of the website's images of pupils, replacing identifiable
images where possible. `.schoollint-review.yml` at the repository root records
each review (date, reviewer's initials, commit); SL605 says when the last one
is older than `review-every` months, SL604 names photos first published more
than `max-age` months ago. Dates are calendar dates in UTC.

Errors: ReviewError for a log that is not the shape written here, or initials
that are not initials.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

from .errors import UserError

REVIEW_LOG = ".schoollint-review.yml"
_INITIALS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[.\- ]){0,15}$")   # letters of any script (SÓN, ŁK), as NFC
_HEADER = ("# Periodic reviews of the website's images of pupils, newest last.\n"
           "# Written by `schoollint audit --record-review INITIALS`; read by rule SL605.\n"
           "reviews:\n")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class ReviewError(UserError):
    """The review log or the reviewer's initials are not usable; the message says why."""


def today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` earlier (the month's last day when it is shorter)."""
    import calendar

    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def reviews(root: Path) -> list[dict]:
    """Recorded reviews, oldest first: dicts with date (datetime.date), reviewer, commit, uncommitted
    (how many reviewed files differed from the commit)."""
    path = root / REVIEW_LOG
    if not path.is_file():
        return []
    import yaml

    from .yamlload import explain, safe_load

    try:
        document = safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:  # said as the configuration's errors are: file:line, plain words
        line, words = explain(exc)
        raise ReviewError(f"{REVIEW_LOG}{f':{line}' if line else ''}: not valid YAML: {words}") from None
    entries = (document or {}).get("reviews") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "date" in e for e in entries):
        raise ReviewError(f"{REVIEW_LOG}: expected `reviews:` followed by a list of entries with a date")
    found = []
    for entry in entries:
        day = entry["date"]
        written = _DATE.fullmatch(day) if isinstance(day, str) else None
        if written:
            day = dt.date(*map(int, written.groups()))
        if not isinstance(day, dt.date):
            raise ReviewError(f"{REVIEW_LOG}: {day!r} is not a date (YYYY-MM-DD)")
        found.append({"date": day, "reviewer": str(entry.get("reviewer", "")), "commit": entry.get("commit"),
                      "uncommitted": entry.get("uncommitted") or 0})
    return sorted(found, key=lambda e: e["date"])


def record_review(root: Path, initials: str, commit: str | None, day: dt.date, uncommitted: int = 0) -> dict:
    """Append one review to the log (creating it), keeping what is written there already.

    `uncommitted`: how many of the files the review saw differ from `commit` (changed, added, not
    yet in Git), recorded so that the commit never claims more than was reviewed."""
    initials = unicodedata.normalize("NFC", initials.strip())   # a macOS terminal may give Ó as O and an accent
    if not _INITIALS.match(initials):
        raise ReviewError(f"{initials!r}: give the reviewer's initials (letters, up to 16 characters)")
    reviews(root)  # refuse to append to a log we could not read back
    path = root / REVIEW_LOG
    entry = f"- date: {day.isoformat()}\n  reviewer: \"{initials}\"\n  commit: {commit or 'null'}\n"
    if uncommitted:
        entry += f"  uncommitted: {uncommitted}   # files reviewed as they were, not as in that commit\n"
    existing = path.read_text(encoding="utf-8") if path.is_file() else _HEADER
    text = existing + ("" if existing.endswith("\n") else "\n") + entry
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return {"date": day, "reviewer": initials, "commit": commit, "uncommitted": uncommitted}


def page_date(root: Path, page: str) -> dt.date | None:
    """A page's own date: `date:` in its front matter, or a Jekyll post's file name date."""
    try:
        head = (root / page).read_bytes()[:4096].decode("utf-8", "replace")
    except OSError:
        head = ""
    if head.startswith("---"):
        front = head.split("\n---", 1)[0]
        stated = re.search(r"^date:\s*[\"']?(\d{4})-(\d{2})-(\d{2})", front, re.MULTILINE)
        if stated:
            return _safe_date(*stated.groups())
    named = re.match(r"(\d{4})-(\d{2})-(\d{2})-", Path(page).name)
    return _safe_date(*named.groups()) if named else None


def _safe_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
