"""Consent and leaving dates from the school's own roster, plain or hashed (issue 13).

The guidance asks schools to publish a child's photo only with the consent of
their parents, to keep consent current, and to treat staff images the same
way. A management information system (SIMS, Arbor, Bromcom) or a consent app
exports that as extra CSV columns; this module reads them by header, case and
punctuation blind (HEADERS), and says what they mean on a given day.

A `Person` is one roster row: its name keys (as `roster.Roster` stores them:
plain, or keyed digests in a hashed roster), website consent, the other
consent scopes (kept for messages), and dates. Unreadable values raise
ConsentValueError (the roster reader adds file, row and column: exit 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

# Header key (casefold, letters and digits only) -> what the column holds.
WEBSITE_HEADERS = ("photoconsentwebsite", "website", "onlinematerial", "photographstudent", "consentwebsite",
                   "photosonline")
SCOPE_HEADERS = {"socialmedia": "social media", "print": "print", "promotionalmaterial": "promotional material",
                 "press": "press"}
DATE_HEADERS = {
    **dict.fromkeys(("consentexpiry", "consentexpires"), "expires"),
    "reviewdate": "review",
    "consentgiven": "given_on",
    "withdrawnon": "withdrawn_on",
    **dict.fromkeys(("leavingdate", "dateofleaving", "leaverdate"), "leaving"),
}
HEADERS = {**dict.fromkeys(WEBSITE_HEADERS, "website"), **{key: f"scope:{scope}" for key, scope in
                                                             SCOPE_HEADERS.items()},
           **{key: f"date:{name}" for key, name in DATE_HEADERS.items()}}
# What schools and their MIS or consent app write for a consent, keyed as _value_key reads a cell (case,
# spaces and punctuation ignored: "Not Given", "not-given" and "NOT GIVEN" are one answer). Pending and
# unknown answers are "not recorded", as blank is.
VALUES = {
    **dict.fromkeys(("yes", "y", "true", "1", "given", "granted", "consentgiven", "consentgranted", "agreed",
                     "agree", "consented", "accepted", "permitted", "allowed", "optedin", "optin"), "yes"),
    **dict.fromkeys(("no", "n", "false", "0", "refused", "notgiven", "notgranted", "consentnotgiven",
                     "consentrefused", "declined", "denied", "notagreed", "disagree", "notconsented",
                     "notpermitted", "optedout", "optout"), "no"),
    **dict.fromkeys(("withdrawn", "consentwithdrawn", "revoked", "rescinded"), "withdrawn"),
    **dict.fromkeys(("", "pending", "notreturned", "unknown", "notknown", "notrecorded", "awaiting",
                     "awaitingresponse", "noresponse", "notasked", "na"), ""),
}
# Least to most restrictive: where two columns answer, a refusal beats a yes (the guidance: no consent, no photo).
STRICTNESS = ("", "yes", "no", "withdrawn")
DATES = ("expires", "review", "given_on", "withdrawn_on", "leaving")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?")
_UK = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})")


class ConsentValueError(ValueError):
    """A consent value or date the roster reader cannot read; the message says what was expected."""


@dataclass(frozen=True)
class Person:
    """One roster row. Name fields hold the roster's stored form (plain keys or keyed digests)."""

    role: str                                   # "pupil" | "staff"
    names: tuple[str, ...] = ()                 # "given|surname" keys
    firsts: tuple[str, ...] = ()                # each given name's first word, and the given words run together
    surnames: tuple[str, ...] = ()              # surname words run together
    groups: tuple[str, ...] = ()                # registration group ("5b") and year ("year5") keys
    website: str = ""                           # "yes" | "no" | "withdrawn" | "" (not recorded)
    scopes: tuple[tuple[str, str], ...] = ()    # other scopes: ("print", "yes")...
    expires: date | None = None
    review: date | None = None
    given_on: date | None = None
    withdrawn_on: date | None = None
    leaving: date | None = None

    @property
    def recorded(self) -> bool:
        """Whether the roster says anything about this person's consent or leaving."""
        return bool(self.website or self.scopes or any(getattr(self, name) for name in DATES))

    @property
    def dated(self) -> bool:
        return any(getattr(self, name) for name in DATES)

    def stored(self, digest) -> Person:
        """The same person with every name and group field passed through `digest` (a hashed roster)."""
        def hashed(keys: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(sorted({digest(key) for key in keys}))

        return replace(self, names=hashed(self.names), firsts=hashed(self.firsts), surnames=hashed(self.surnames),
                       groups=hashed(self.groups))

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"role": self.role}
        for name in ("names", "firsts", "surnames", "groups"):
            record[name] = list(getattr(self, name))
        if self.website:
            record["website"] = self.website
        if self.scopes:
            record["scopes"] = dict(self.scopes)
        record.update({name: value.isoformat() for name in DATES if (value := getattr(self, name))})
        return record

    @classmethod
    def from_json(cls, record: Any) -> Person:
        """A person from a hashed roster; ConsentValueError says which field is wrong."""
        if not isinstance(record, dict) or record.get("role") not in ("pupil", "staff"):
            raise ConsentValueError("each person needs a role of pupil or staff")
        for name in ("names", "firsts", "surnames", "groups"):
            value = record.get(name, [])
            if not isinstance(value, list) or not all(isinstance(d, str) and len(d) == 64 for d in value):
                raise ConsentValueError(f"\"{name}\" must be a list of 64-character hex digests")
        scopes = record.get("scopes", {})
        if not isinstance(scopes, dict):
            raise ConsentValueError("\"scopes\" must be a mapping of scope to yes, no or withdrawn")
        person = cls(record["role"], tuple(record.get("names", ())), tuple(record.get("firsts", ())),
                     tuple(record.get("surnames", ())), tuple(record.get("groups", ())),
                     read_value(str(record.get("website", ""))),
                     tuple((str(scope), read_value(str(value))) for scope, value in scopes.items()))
        dates: dict[str, Any] = {name: read_date(str(record[name])) for name in DATES if record.get(name)}
        return replace(person, **dates)


def read_value(text: str) -> str:
    """A consent as written ("Y", "Granted", "Not Given", "Opted out", "Pending", blank)
    -> "yes" | "no" | "withdrawn" | "" (not recorded)."""
    value = VALUES.get(re.sub(r"[\W_]+", "", text.casefold()))
    if value is None:
        raise ConsentValueError(
            f"{text.strip()!r} is not a consent schoollint can read. It reads Yes, Given, Granted or "
            "Agreed as consent given; No, Refused, Not given, Declined, Denied or Opted out as not given; "
            "Withdrawn or Revoked as withdrawn; and a blank cell, Pending, Not returned or Unknown as not "
            "recorded. Change the cell to one of these")
    return value


def read_date(text: str) -> date | None:
    """A date as a UK MIS export writes it: 2025-09-01, 01/09/2025, 01-09-2025, 1 Sep 2025; blank is None."""
    text = text.strip()
    if not text:
        return None
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = map(int, match.groups())
        elif match := _UK.fullmatch(text):
            day, month, year = map(int, match.groups())
        elif (match := _WORDS.fullmatch(text)) and match.group(2)[:3].casefold() in MONTHS:
            day, year = int(match.group(1)), int(match.group(3))
            month = MONTHS.index(match.group(2)[:3].casefold()) + 1
        else:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        raise ConsentValueError(f"{text!r} is not a date schoollint can read "
                                "(2025-09-01, 01/09/2025, 01-09-2025 or 1 Sep 2025)") from None


@dataclass
class Columns:
    """Where a header row keeps consent: column index -> meaning ("website", "scope:print", "date:leaving")."""

    meanings: dict[int, str] = field(default_factory=dict)

    def read(self, cell) -> dict[str, Any]:
        """Person fields from one row (`cell(index)` -> text). ConsentValueError carries the column index
        as its second argument, so the caller can name the column."""
        found: dict[str, Any] = {}
        scopes = []
        for index, meaning in self.meanings.items():
            try:
                if meaning == "website":        # two website columns: the stricter answer stands
                    found["website"] = max(found.get("website", ""), read_value(cell(index)), key=STRICTNESS.index)
                elif meaning.startswith("scope:"):
                    if value := read_value(cell(index)):
                        scopes.append((meaning[6:], value))
                else:
                    name = meaning[5:]
                    found[name] = found.get(name) or read_date(cell(index))
            except ConsentValueError as exc:
                raise ConsentValueError(str(exc), index) from None
        found["scopes"] = tuple(scopes)
        return found


def group_keys(year: str, group: str) -> tuple[str, ...]:
    """Registration group and year as the words a caption writes them in: "5B" -> "5b", "Year 5" -> "year5"."""
    keys = []
    if group_key := re.sub(r"[\W_]+", "", group.casefold()):
        keys.append(group_key)
    if digits := re.sub(r"\D", "", year):
        keys.append(f"year{int(digits)}")
    elif year.strip().casefold() in ("r", "rec", "reception"):
        keys.append("yearr")
    return tuple(keys)


_GROUP_WORD = re.compile(r"(?i)\b(?:year|yr|y)\s?(\d{1,2}|r)\b|\b\w+\b")


def group_words(text: str) -> set[str]:
    """The keys a caption's words could match in `group_keys`: "Year 5", "Y5", "5B"."""
    words = set()
    for match in _GROUP_WORD.finditer(text):
        words.add(f"year{int(match.group(1)) if match.group(1).isdigit() else 'r'}" if match.group(1)
                  else match.group().casefold())
    return words


# What a person's consent is on a day: the words a finding uses.
REFUSED, WITHDRAWN, EXPIRED, NOT_RECORDED = "refused", "withdrawn", "expired", "not recorded"


def no_website_consent(person: Person, today: date, required: bool) -> str | None:
    """Why this person may not be shown on the website today (a word above), or None when nothing says so.

    A withdrawal dated today or earlier wins; a review date with no expiry date is when the
    consent runs out; a blank consent with a date it was given counts as given.
    """
    if person.website == "withdrawn" or (person.withdrawn_on and person.withdrawn_on <= today):
        return WITHDRAWN
    if person.website == "no":
        return REFUSED
    given = person.website == "yes" or (person.given_on is not None and person.given_on <= today)
    if not given:
        return NOT_RECORDED if required else None
    ends = person.expires or person.review
    return EXPIRED if ends is not None and ends < today else None


def days_left(person: Person, today: date) -> int | None:
    """Days until a standing website consent runs out (0: today is its last day), None if it has no end."""
    ends = person.expires or person.review
    return (ends - today).days if ends is not None and ends >= today else None


def days_since_leaving(person: Person, today: date) -> int | None:
    return (today - person.leaving).days if person.leaving is not None else None
