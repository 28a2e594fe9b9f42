"""A plain roster as schools have it: a CSV exported from the school's MIS, or one name a line.

With a header row (RFC 4180 CSV) the columns may come in any order and
unknown columns are ignored; headers are matched case- and punctuation-blind
against HEADER_ALIASES. Every given-name column (legal and preferred forename,
chosen name) pairs with every surname column, so a pupil known by either name
is matched. Without a header a row is `first_name,last_name[,role]` or a whole
name ("Amelia Rose Watson"). A header with no name column is a RosterError
(exit 2) naming the file and the headers seen.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .consent import Columns, ConsentValueError, Person, group_keys
from .consent_headers import OTHER, UNSCOPED, classify
from .roster_fullname import NameSplitError, column_order, name_words, split_full
from ..errors import UserError

ROLES = ("pupil", "staff")
# Headers a one-cell whole name is exported under (SIMS "Name", Arbor "Student", Bromcom "Pupil"...), as the
# error for a header without a name column lists them.
FULL_NAME_HEADERS = ("Name", "Full Name", "Pupil", "Pupil Name", "Student", "Student Name", "Child",
                     "Child's Name", "Child Name", "Learner", "Learner Name", "Pupil Full Name",
                     "Student Full Name")
MAX_NAME_WORDS = 5
# Header (lower case, letters and digits only) -> the column's meaning.
HEADER_ALIASES = {
    **dict.fromkeys(("firstname", "first", "forename", "forenames", "legalforename", "preferredforename",
                     "givenname", "given", "chosenname", "preferredname", "legalfirstname",
                     "preferredfirstname"), "first"),
    **dict.fromkeys(("lastname", "last", "surname", "legalsurname", "preferredsurname", "familyname",
                     "preferredlastname", "legallastname"), "last"),
    **dict.fromkeys((re.sub(r"[\W_]+", "", header.casefold()) for header in FULL_NAME_HEADERS), "full"),
    **dict.fromkeys(("role", "type", "staffpupil", "pupilstaff"), "role"),
    **dict.fromkeys(("year", "yeargroup", "ncyear", "yr"), "year"),
    **dict.fromkeys(("reggroup", "registrationgroup", "form", "formgroup", "class", "tutorgroup"), "group"),
}
ROLE_WORDS = {"pupil": "pupil", "student": "pupil", "child": "pupil", "learner": "pupil", "": "pupil",
              "staff": "staff", "teacher": "staff", "employee": "staff", "governor": "staff"}
# Without a header a row has at most this many cells; an export with more has a header.
PLAIN_COLUMNS = 3
# Cell separators a spreadsheet's CSV may use, in order of preference on a tie; lines read to choose.
DELIMITERS = (",", ";", "\t")
SNIFF_LINES = 50


class RosterError(UserError):
    """A roster that cannot be used; the message names the file and line."""


@dataclass
class Entries:
    """What a plain roster holds: "given|surname" keys with roles, the words a name may start with,
    and one Person per row (its keys, registration group and year, consent and dates)."""

    names: dict[str, str] = field(default_factory=dict)
    given: set[str] = field(default_factory=set)
    people: list[Person] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)          # consent meanings the header gave ("website")
    unread: dict[str, str] = field(default_factory=dict)    # header that looks like consent -> UNSCOPED | OTHER
    notes: list[str] = field(default_factory=list)          # how names were read, for the run's notes

    def add(self, pairs: list[tuple[list[str], list[str]]], role: str, groups: tuple[str, ...] = (),
            **recorded) -> None:
        """One row: every (given words, surname words) it may be written as."""
        keys: dict[str, None] = {}
        for given, surname in pairs:
            for key in _keys(given, surname):
                self.names[key] = role
                keys[key] = None
            self.given.update((given[0], "".join(given)))
        self.people.append(Person(
            role, tuple(keys), tuple(dict.fromkeys(w for g, _s in pairs for w in (g[0], "".join(g)))),
            tuple(dict.fromkeys("".join(s) for _g, s in pairs)), groups, **recorded))


def pair_key(given: list[str], surname: list[str]) -> str:
    """Words run together, so "Mary Jane", "Mary-Jane" and "MaryJane" agree."""
    return "".join(given) + "|" + "".join(surname)


def words_of(name: str) -> list[str]:
    return [word.key for word in name_words(name)]


# German's own way of writing ä, ö, ü without the dots (DIN 5007-2): "Müller" is "Mueller" in a file name or
# an ASCII-only system, as often as "Muller" (which plain() keys it as).
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def spellings(name: str) -> list[str]:
    """A name as the roster writes it, and with its umlauts written out if it has any ("Jürgen Müller",
    "Juergen Mueller"): each a way the school's pages and file names may spell the same person."""
    other = name.translate(_UMLAUTS)
    return [name] if other == name else [name, other]


def plain_entries(path, text: str) -> Entries:
    """Read a plain roster; RosterError names the file and line of what cannot be used."""
    delimiter, skip = delimiter_of(text)
    rows = [(number, [cell.strip() for cell in row])
            for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)
            if number > skip]
    rows = [(number, cells) for number, cells in rows if any(cells) and not cells[0].startswith("#")]
    entries = Entries()
    if rows and _is_header(rows[0][1]):
        _read_with_header(path, rows, entries)
    else:
        order = column_order([cells[0] for _number, cells in rows if len(cells) == 1])
        guessed = []
        for number, cells in rows:
            pairs, role, guess = _parse_row(f"{path}:{number}", cells, order)
            entries.add(pairs, role)
            guessed += [number] if guess else []
        _note_guessed(path, "its names", guessed, entries)
    if not entries.names:
        raise RosterError(f"{path}: roster holds no names")
    return entries


def delimiter_of(text: str) -> tuple[str, int]:
    """The cell separator of a CSV, and how many lines to skip: comma, or semicolon as Excel writes
    "CSV" where the decimal mark is a comma (most of Europe), or tab ("Unicode Text", TSV exports).

    An Excel `sep=;` first line says it outright. Otherwise each candidate splits the first lines;
    the one that splits the first line into more than one cell and gives the most lines that same
    number of cells wins (ties: comma, then semicolon). A one-column list of names is comma.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")][:SNIFF_LINES]
    if lines and (declared := re.fullmatch(r'"?sep=(.)"?,*', lines[0].strip())):
        return declared.group(1), text.splitlines().index(lines[0]) + 1
    best, score = ",", (0, 0)
    for candidate in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=candidate)]
        if widths and widths[0] > 1 and (found := (widths.count(widths[0]), widths[0])) > score:
            best, score = candidate, found
    return best, 0


def _header_key(cell: str) -> str:
    return re.sub(r"[\W_]+", "", cell.casefold())


def _aliases(cells: list[str]) -> list[str | None]:
    """Each cell's meaning as a header. A bare role word ("Pupil", "Student", "Child") is a whole-name
    header only beside another header (a Year or consent column), as it is also a role a
    header-less row ends with ("Amelia,Watson,pupil")."""
    keys = [_header_key(cell) for cell in cells]
    beside = any(key in HEADER_ALIASES and key not in ROLE_WORDS or classify(cell)
                 for key, cell in zip(keys, cells, strict=True))
    return [HEADER_ALIASES.get(key) if beside or key not in ROLE_WORDS else None for key in keys]


def _is_header(cells: list[str]) -> bool:
    return len(cells) > PLAIN_COLUMNS or any(_aliases(cells))


def _consent_columns(header: list[str], entries: Entries) -> Columns:
    """The consent columns of a header row; headers that look like consent but say no scope schoollint
    reads go in entries.unread, so the run can say they were not used."""
    meanings = {}
    for index, cell in enumerate(header):
        meaning = classify(cell) if _header_key(cell) not in HEADER_ALIASES else None
        if meaning in (UNSCOPED, OTHER):
            entries.unread[cell] = meaning
        elif meaning:
            meanings[index] = meaning
    entries.columns.update(meanings.values())
    return Columns(meanings)


def _read_with_header(path, rows: list[tuple[int, list[str]]], entries: Entries) -> None:
    header = rows[0][1]
    columns: dict[str, list[int]] = {}
    for index, meaning in enumerate(_aliases(header)):
        if meaning:
            columns.setdefault(meaning, []).append(index)
    if not columns.get("full") and not (columns.get("first") and columns.get("last")):
        raise RosterError(f"{path}: no name column in the header (saw: {', '.join(header) or 'nothing'}); "
                          "expected a forename and a surname column (First Name, Forename, Legal Forename, "
                          "Preferred Forename; Last Name, Surname, Legal Surname) or a whole-name column "
                          f"({', '.join(FULL_NAME_HEADERS)}); rename the column in the first row")
    recorded = _consent_columns(header, entries)
    orders = {full: column_order([_cells(cells)(full) for _number, cells in rows[1:]])
              for full in columns.get("full", ())}
    guessed: dict[int, list[int]] = {full: [] for full in orders}
    for number, cells in rows[1:]:
        where = f"{path}:{number}"
        cell = _cells(cells)
        role = _role(where, " ".join(cell(i) for i in columns.get("role", ())).strip())
        year = cell(columns["year"][0]) if "year" in columns else ""
        group = cell(columns["group"][0]) if "group" in columns else ""
        pairs = [(words_of(given), words_of(surname))
                 for first in columns.get("first", ()) for last in columns.get("last", ())
                 for given in spellings(cell(first)) for surname in spellings(cell(last))]
        for full in orders:
            for written in spellings(cell(full).strip()) if cell(full).strip() else ():
                read, guess = _split(f"{path}: row {number}, column {header[full]!r}", written, orders[full])
                pairs += read
                guessed[full] += [number] if guess and written == cell(full).strip() else []
        usable = [(given, surname) for given, surname in pairs if given and surname]
        if not usable:
            raise RosterError(f"{where}: expected a full name (given name and surname)")
        distinct = [(list(g), list(s)) for g, s in dict.fromkeys((tuple(g), tuple(s)) for g, s in usable)]
        for given, surname in distinct:
            _check_length(where, given, surname)
        try:
            fields = recorded.read(cell)
        except ConsentValueError as exc:
            raise RosterError(f"{path}: row {number}, column {header[exc.args[1]]!r}: {exc.args[0]}") from None
        entries.add(distinct, role, group_keys(year, group), **fields)
    for full, numbers in guessed.items():
        _note_guessed(path, f"column {header[full]!r}", numbers, entries)


def _cells(cells: list[str]):
    return lambda index: cells[index] if index < len(cells) else ""


def _split(where: str, text: str, order: str | None) -> tuple[list[tuple[list[str], list[str]]], bool]:
    try:
        return split_full(text, order)
    except NameSplitError as exc:
        raise RosterError(f"{where}: {exc}") from None


def _note_guessed(path, where: str, numbers: list[int], entries: Entries) -> None:
    """Names in capitals only say nothing of which word is the surname: the run says they were read forename first."""
    if numbers:
        rows = ", ".join(map(str, numbers[:5])) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
        entries.notes.append(f"{path}: {len(numbers)} name(s) in {where} are in capitals only (row {rows}): "
                             "read forename first, as no row says which word is the surname; a name written "
                             "surname first there is not matched (write it \"Surname, Forename\")")


def _role(where: str, written: str) -> str:
    role = ROLE_WORDS.get(written.casefold())
    if role is None:
        raise RosterError(f"{where}: role must be pupil or staff, got {written!r}")
    return role


def _check_length(where: str, given: list[str], surname: list[str]) -> None:
    if len(given) + len(surname) > MAX_NAME_WORDS:
        raise RosterError(f"{where}: a name of more than {MAX_NAME_WORDS} words is not supported")


def _parse_row(where: str, cells: list[str], order: str | None) -> tuple[list[tuple[list[str], list[str]]], str, bool]:
    """A row without a header: its (given, surname) pairs, role, and whether a one-cell name's order was guessed."""
    if len(cells) > PLAIN_COLUMNS:
        raise RosterError(f"{where}: expected first_name,last_name[,role], got {len(cells)} columns")
    if len(cells) == 1:                         # a whole name: "Amelia Rose Watson", "Watson, Amelia"
        pairs, guessed = _split(where, cells[0], order)
        pairs += [pair for written in spellings(cells[0])[1:] for pair in _split(where, written, order)[0]]
        role = "pupil"
    else:
        pairs = [(words_of(given), words_of(surname))
                 for given in spellings(cells[0]) for surname in spellings(cells[1])]
        guessed = False
        role = _role(where, cells[2] if len(cells) == PLAIN_COLUMNS else "")
    for given, surname in pairs:
        if not given or not surname:
            raise RosterError(f"{where}: expected a full name (given name and surname)")
        _check_length(where, given, surname)
    return pairs, role, guessed


def _keys(given: list[str], surname: list[str]) -> list[str]:
    """The name as listed, and with only its first given name ("Amelia Watson")."""
    keys = [pair_key(given, surname)]
    if len(given) > 1:
        keys.append(pair_key(given[:1], surname))
    return keys
