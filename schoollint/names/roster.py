"""The school's own list of names, plain or hashed, matched exactly.

Every roster name becomes keys "given words|surname words" over normalised
words (casefold, no accents or apostrophes, hyphens split words), so a match
also says where the given name ends. A hashed roster stores HMAC-SHA256(key,
that string) instead: the committed file names nobody, and guessing names
against it needs the key, which lives only in SCHOOLLINT_ROSTER_KEY.

Each row is also a `consent.Person` (consent, dates, group), so rules SL601-SL603
can say who a name may be; a hashed roster (version 2) keeps those people with
their names, first names, surnames and groups digested the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .consent import ConsentValueError, Person
from .line_joins import split_over_lines
from .roster_csv import ROLES, RosterError, pair_key, plain_entries
from .words import Token

KEY_VARIABLE = "SCHOOLLINT_ROSTER_KEY"
HASHED_FORMAT = "schoollint-hashed-roster"
HASHED_VERSION = 2
READABLE_VERSIONS = (1, 2)      # version 1 has no people: consent rules find nothing in it
MIN_KEY_BYTES = 16
KEY_CHECK_MESSAGE = b"schoollint roster key check"
# Between two words of one name: a space or two, a hyphen (any of Unicode's),
# or in a file name an underscore, a dot or nothing (camelCase).
_NAME_GAP = frozenset(("", " ", "  ", "\u00a0", "-", "\u2010", "\u2011", "\u2013", "_", "."))
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class RosterMatch:
    start: int
    end: int
    first_start: int        # span of the given name(s) inside the match
    first_end: int
    role: str
    key: str = ""           # the stored "given|surname" key matched: Roster.people_named says who


class Roster:
    """Exact lookup of full names; `digest` maps a key to the form stored.

    `given` holds the stored form of each name's first given word (and of its
    given words run together), so that only words that can start a name cost
    a full lookup: with a hashed roster that is one HMAC per word, not ten.
    """

    def __init__(self, names: dict[str, str], given: frozenset[str], digest_key: bytes | None = None,
                 people: tuple[Person, ...] = (), columns: frozenset[str] = frozenset(),
                 unread: dict[str, str] | None = None, notes: tuple[str, ...] = ()):
        self._names = names                   # stored "given|surname" -> role
        self._given = given
        self.columns = columns                # consent meanings its header gave: "website", "date:leaving"...
        self.unread = unread or {}            # headers that look like consent but were not read -> why
        self.notes = notes                    # how it was read, for the run's notes (an encoding guessed)
        # The keyed HMAC state, copied for each digest instead of rebuilt from the key.
        self._keyed = hmac.new(digest_key, digestmod=hashlib.sha256) if digest_key is not None else None
        self.people = people                  # one per roster row, fields in stored form
        self._by: dict[str, dict[str, list[Person]]] = {"names": {}, "firsts": {}, "surnames": {}}
        for person in people:
            for field, index in self._by.items():
                for stored in getattr(person, field):
                    index.setdefault(stored, []).append(person)

    @property
    def recorded(self) -> bool:
        """Whether any row says something about consent or leaving (else the consent rules have nothing to do)."""
        return any(person.recorded for person in self.people)

    def people_named(self, stored_key: str) -> tuple[Person, ...]:
        """The rows a matched full name (RosterMatch.key) belongs to."""
        return tuple(self._by["names"].get(stored_key, ()))

    def people_with(self, field: str, word_key: str) -> tuple[Person, ...]:
        """The rows whose first name ("firsts") or surname ("surnames") is this plain word key."""
        return tuple(self._by[field].get(self.digest(word_key), ()))

    @property
    def hashed(self) -> bool:
        """A keyed-hash roster reveals no name, so it may be committed; a plain one may not."""
        return self._keyed is not None

    def digest(self, key: str) -> str:
        if self._keyed is None:
            return key
        keyed = self._keyed.copy()
        keyed.update(key.encode("utf-8"))
        return keyed.hexdigest()

    def knows_given(self, key: str) -> bool:
        """Whether a plain word key is the first given name of someone on the roster."""
        return self.digest(key) in self._given

    def role_of(self, given: list[str], surname: list[str]) -> str | None:
        return self._names.get(self.digest(pair_key(given, surname)))

    def _found(self, given: list[str], surname: list[str]) -> tuple[str, str] | None:
        """The stored key and role of a full name on the roster, None when it is not."""
        stored = self.digest(pair_key(given, surname))
        role = self._names.get(stored)
        return (stored, role) if role else None

    def find(self, text: str, words: list[Token]) -> list[RosterMatch]:
        """Roster names among the words of text, longest first, not overlapping."""
        starts = {key: self.digest(key) in self._given for key in {word.key for word in words}}
        may_start = [starts[word.key] for word in words]
        found: list[RosterMatch] = []
        i = floor = 0                           # words before floor belong to a name already found
        while i < len(words):
            match = None
            if may_start[i]:
                match = self._match_at(text, words, i)
            elif i + 1 < len(words) and may_start[i + 1]:
                match = self._reversed_at(text, words, i, floor)
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i = floor = match[1]
        return found

    def run_together(self, token: Token) -> RosterMatch | None:
        """A roster name written as one lower-case word in a file name ("usmansheikh2.jpg")."""
        key = token.key
        if not key.isalpha():
            return None
        for cut in range(2, len(key) - 1):
            found = self._found([key[:cut]], [key[cut:]])
            if found:
                return RosterMatch(token.start, token.end, token.start, token.start + cut, found[1], found[0])
        return None

    def _match_at(self, text: str, words: list[Token], i: int) -> tuple[RosterMatch, int] | None:
        """The longest roster name starting at word i, and the word index after it."""
        joined = i + 1                          # words[i:joined] are adjacent, as in one name
        while (joined < len(words) and joined - i < MAX_NAME_WORDS
               and (text[words[joined - 1].end : words[joined].start] in _NAME_GAP
                    or joined == i + 1 and split_over_lines(text[words[i].end : words[joined].start]))):
            joined += 1
        keys = [word.key for word in words[i:joined]]
        for length in range(len(keys), 1, -1):
            for split in range(1, length):
                found = self._found(keys[:split], keys[split:length])
                if found:
                    first = words[i + split - 1]
                    last = words[i + length - 1]
                    match = RosterMatch(words[i].start, last.end, words[i].start, first.end, found[1], found[0])
                    return match, i + length
        return None

    def _reversed_at(self, text: str, words: list[Token], i: int, floor: int) -> tuple[RosterMatch, int] | None:
        """ "Watson, Amelia" as in class lists; "van der Berg, Anouk": the surname's words before the comma
        (the longest the roster holds), whatever their case."""
        if text[words[i].end : words[i + 1].start].strip() != ",":
            return None
        first = i                               # words[first:i + 1] are adjacent, as in one surname
        while first > floor and i - first + 1 < MAX_NAME_WORDS - 1 \
                and text[words[first - 1].end : words[first].start] in _NAME_GAP:
            first -= 1
        last = i + 1                            # "Peyrac, Anne-Marie": a hyphenated given name, longest first
        while last + 1 < len(words) and last - i < MAX_NAME_WORDS - 1 \
                and text[words[last].end : words[last + 1].start] == "-":
            last += 1
        for end in range(last, i, -1):
            given = [word.key for word in words[i + 1:end + 1]]
            for start in range(first, i + 1):
                found = self._found(given, [word.key for word in words[start:i + 1]])
                if found:
                    return RosterMatch(words[start].start, words[end].end, words[i + 1].start, words[end].end,
                                       found[1], found[0]), end + 1
        return None


def load_roster(path: Path) -> Roster:
    """A CSV (an MIS export with a header, or first_name,last_name[,role]), one full name a line,
    or a hashed roster. RosterError (exit 2) names the file and what is wrong."""
    path = Path(os.path.normpath(path))     # messages name "private/x.csv", never "site/../private/x.csv"
    text, notes = _read_text(path)
    if text.lstrip().startswith("{"):
        return _load_hashed(path, text)
    entries = plain_entries(path, text)
    return Roster(entries.names, frozenset(entries.given), people=tuple(entries.people),
                  columns=frozenset(entries.columns), unread=entries.unread, notes=notes + tuple(entries.notes))


def _read_text(path: Path) -> tuple[str, tuple[str, ...]]:
    """The roster's text, and a note when it was not UTF-8. Excel saves "CSV UTF-8" with a byte-order
    mark, "Unicode Text" as UTF-16 with one, and plain "CSV" in the Windows code page (Windows-1252 in
    Western Europe): each is read, the last with a note, since other code pages read as it would be wrong."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(f"{path}: cannot read roster: {exc.strerror or exc}") from exc
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16"), ()
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise RosterError(f"{path}: roster is neither UTF-8 nor Windows-1252 text (byte {bad}); "
                          f"in Excel, save it as \"CSV UTF-8 (Comma delimited)\"") from None
    return text, (f"{path}: roster read as Windows-1252 (Excel's plain \"CSV\"), as it is not UTF-8; "
                  f"save it as \"CSV UTF-8\" so that no name is misread",)


def _key_check(key: bytes) -> str:
    return hmac.new(key, KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()


def _roster_key(path: Path) -> bytes:
    value = os.environ.get(KEY_VARIABLE)
    if not value:
        raise RosterError(f"{path}: this roster is hashed; set {KEY_VARIABLE} to the key it was written with")
    return value.encode("utf-8")


def _load_hashed(path: Path, text: str) -> Roster:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RosterError(f"{path}:{exc.lineno}: hashed roster is not valid JSON: {exc.msg}") from exc
    if not isinstance(document, dict) or document.get("format") != HASHED_FORMAT:
        raise RosterError(f"{path}: not a schoollint hashed roster (no \"format\": \"{HASHED_FORMAT}\")")
    if document.get("version") not in READABLE_VERSIONS:
        raise RosterError(f"{path}: hashed roster version {document.get('version')!r} is not supported "
                          f"(expected {HASHED_VERSION})")
    key = _roster_key(path)
    if document.get("key_check") != _key_check(key):
        raise RosterError(f"{path}: {KEY_VARIABLE} is not the key this roster was written with")
    names: dict[str, str] = {}
    for role in ROLES:
        names.update(dict.fromkeys(_digests(path, document, role), role))
    columns = document.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(column, str) for column in columns):
        raise RosterError(f"{path}: \"columns\" must be a list of column meanings")
    return Roster(names, frozenset(_digests(path, document, "given")), digest_key=key,
                  people=_people(path, document), columns=frozenset(columns))


def _people(path: Path, document: dict) -> tuple[Person, ...]:
    records = document.get("people", [])
    if not isinstance(records, list):
        raise RosterError(f"{path}: \"people\" must be a list")
    try:
        return tuple(Person.from_json(record) for record in records)
    except ConsentValueError as exc:
        raise RosterError(f"{path}: a person in \"people\": {exc}") from None


def _digests(path: Path, document: dict, field: str) -> list[str]:
    digests = document.get(field, [])
    if not isinstance(digests, list) or not all(isinstance(d, str) and len(d) == 64 for d in digests):
        raise RosterError(f"{path}: \"{field}\" must be a list of 64-character hex digests")
    return digests


@dataclass(frozen=True)
class Written:
    """What `write_hashed_roster` wrote, for the command to say: counts and column meanings, no names."""

    people: int
    names: int                      # name digests (a row may be written several ways)
    columns: frozenset[str]         # consent meanings read from the header: "website", "date:leaving"...
    unread: dict[str, str]          # headers that look like consent but were not read


def write_hashed_roster(source: Path, dest: Path, key: bytes) -> Written:
    """Write the hashed form of a plain roster; returns what it holds."""
    if len(key) < MIN_KEY_BYTES:
        raise RosterError(f"{dest}: the key must be at least {MIN_KEY_BYTES} bytes so the names cannot be guessed")
    source = Path(source)
    text, _notes = _read_text(source)
    if text.lstrip().startswith("{"):
        raise RosterError(f"{source}: already a hashed roster")
    entries = plain_entries(source, text)
    names, given_words = entries.names, entries.given
    hashed = Roster({}, frozenset(), digest_key=key)
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for name, role in names.items():
        by_role[role].append(hashed.digest(name))
    document = {"format": HASHED_FORMAT, "version": HASHED_VERSION, "algorithm": "HMAC-SHA256",
                "key_check": _key_check(key)}
    # Sorted digests: the order of the source roster leaks nothing.
    document.update({role: sorted(digests) for role, digests in by_role.items()})
    document["given"] = sorted(hashed.digest(word) for word in given_words)
    # Each row with its consent and dates, every name field digested; sorted, so order leaks nothing.
    people = [person.stored(hashed.digest).to_json() for person in entries.people]
    document["people"] = sorted(people, key=lambda record: json.dumps(record, sort_keys=True))
    document["columns"] = sorted(entries.columns)       # what it records, so a run can say what it cannot judge
    try:
        Path(dest).write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise RosterError(f"{dest}: cannot write the hashed roster: {exc.strerror or exc}") from None
    return Written(len(entries.people), sum(len(digests) for digests in by_role.values()),
                   frozenset(entries.columns), entries.unread)
