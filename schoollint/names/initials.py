"""Initials before a surname: "A. Kowalski", "M. J. Okonkwo", "Amelia J. Watson", "Mrs J. Patel".

What the guidance asks (UKCIS/POSH, "Names-No-Images": "a first-name only approach") decides which of
these is a full name. A given name and the initial of the surname ("Amira K.", "Wren M.") is a first name
as schools write it to keep to that policy: never a finding (the held-out splits label it so since
heldout_l). An initial and a surname ("A. Kowalski") gives the family name, the part that links a photo
to a child, so it is reported as a full name, as a safeguarding lead would read it; with a given name
before the initial ("Amelia J. Watson") the span takes it in. After a title ("Mrs J. Patel", "Mr. A.
Okoro") the name is staff's, as "Mrs Patel" is, reported only when the rule's `staff` option asks.

The run of capitalised words cuts at a word ending in a dot (a sentence's end), so these are found here,
by one regex scan of text holding ". ": a surname is a word the lists hold as one, or no list knows,
never a common word ("P.E. Kit", "A. Level"), nor a book's author the stop lists name ("R. J. Palacio").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .spotting import Spotted, is_surname, phrase_length, spotted_token
from .words import LETTER, UPPER, Lexicon, Token, is_given, plain, unknown_word

if TYPE_CHECKING:
    from .roster import Roster

# One to three initials, each a capital and a dot, then a capitalised word (maybe double-barrelled).
# No lookbehind leads it (the character before is checked in code), so a search skips in C to each capital.
_INITIALS = re.compile(rf"(?:[{UPPER}]\.[ \u00a0]?){{1,3}}(?=[{UPPER}])")
_SURNAME = re.compile(rf"[{UPPER}]{LETTER}+(?:-[{UPPER}]{LETTER}+)?")
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Revd)\.?[ \u00a0]$")
_GIVEN = re.compile(rf"[{UPPER}]{LETTER}+[ \u00a0]$")
_NEXT_WORD = re.compile(rf"[ \u00a0]+({LETTER}+)")


def initials_names(text: str, lex: Lexicon, words: frozenset[str]) -> list[Spotted]:
    """Names of `text` written with initials (see the module's docstring), spans of `text`."""
    found = []
    for initials in _INITIALS.finditer(text):
        surname = _SURNAME.match(text, initials.end())
        if surname is None or initials.start() and (text[initials.start() - 1].isalpha()
                                                    or text[initials.start() - 1] == "."):
            continue                            # "xA. Kowalski", "U.K. Parliament" read from its second letter
        token = spotted_token(surname.start(), surname.group())
        start, first, role = initials.start(), "", "unknown"
        title = _TITLE.search(text, max(0, start - 6), start)
        given = _GIVEN.search(text, max(0, start - 30), start)
        if given is not None and not is_given(plain(given.group().strip()), lex):
            given = None
        if not is_surname(token, lex, words) or _author([*initials.group().replace(".", " ").split(), token.raw], lex) \
                or given is None and not (token.key in lex.surnames or unknown_word(token.key, lex)) \
                or _thing_after(text, token, lex):
            continue                            # after a given name, any word that may be a surname: "Clutterbuck"
        if title is not None:
            start, role = title.start(), "staff"                # "Mrs J. Patel"
        elif given is not None:
            start, first = given.start(), given.group().strip()  # "Amelia J. Watson"
        found.append(Spotted(start, token.end, first, role))
    return found


def _author(words: list[str], lex: Lexicon) -> bool:
    """A non-person phrase of the stop lists, read from its first word ("R. J. Palacio": "r j palacio")."""
    return phrase_length([plain(word) for word in words], 0, lex) > 0


def _thing_after(text: str, token: Token, lex: Lexicon) -> bool:
    """ "J. Sainsbury Ltd", "W. Morris Trophy": a word after the surname that makes it a thing."""
    following = _NEXT_WORD.match(text, token.end)
    key = plain(following.group(1)) if following is not None else ""
    return key in lex.following or key in lex.named_things


def surname_on_roster(text: str, roster: Roster) -> bool:
    """With a roster, is `text` a name with initials ("A. Kowalski") whose surname someone on the roster has?
    A hashed roster keeps no given name's letters, so the initial cannot be matched; the surname makes it
    the school's (names/__init__._with_roster keeps it, as it keeps a known given name's)."""
    return _INITIALS.match(text) is not None and bool(roster.people_with("surnames", plain(text.split()[-1])))
