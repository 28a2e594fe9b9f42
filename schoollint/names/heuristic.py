"""Spot full names without a roster: a known given name and a surname-like word.

Prose: one precompiled regex finds runs of two or more capitalised words
("Congratulations Amelia Watson"); only those runs are looked at word by word,
so a sentence without such a run costs one regex scan. File names are
read by `filenames`, with the same `_Run`. Particles ("von", "de") belong to a
name only between capitalised name words; on a page in another language its
common words are words, not names ("Bilder von der Klassenfahrt").

Word lists and the run pattern are `words.lexicon()`, loaded once on first use.
"""

from __future__ import annotations

from dataclasses import dataclass

from .arabic_script import in_text as arabic_names
from .initials import initials_names
from .irish import spelled_for_finder, titled as irish_titled
from .line_joins import joined_lines
from .named_after import not_named_things
from .nicknames import NICKNAME, without_nicknames
from .phrase_before_given import phrase_before_given
from .reversed_form import reversed_names
from .spotting import (APOSTROPHES_S, CLASS_AFTER, NO_WORDS, Spotted, in_list_of_places, is_surname, may_hold_name,
                       name_letters, no_dictionary_word, phrase_length, second_surname, stock_credit, surname_first,
                       without_overlaps, word_given_before_surname, words_before, words_of)
from .words import Lexicon, Token, english_word, is_given, language_words, lexicon, unknown_word


@dataclass(slots=True)
class _Run:
    """Adjacent name-shaped words, and the prose they are in.

    `text` is None for a file name: there "oliver-thomas" is more likely two
    children than a full name, and "lucy-hill" is taken for a place.
    """

    tokens: list[Token]
    lex: Lexicon
    text: str | None
    words: frozenset[str] = NO_WORDS        # not names here: the page language's words, or rare English words
    strict: bool = False                    # lower-case text: the surname must be a known one

    def names(self) -> list[Spotted]:
        keys = [token.key for token in self.tokens]
        if self.text is None and sum(is_given(key, self.lex) for key in keys) >= 3 \
                and not any(key in self.lex.second_given for key in keys[1:-1]):
            return []                           # "heather-sarah-hannah.jpg": first names only; not "ella-grace-taylor"
        found = []
        i = 0
        lex = self.lex
        starters, surnames, known, common = lex.starters, lex.name_surnames, lex.listed, lex.not_surname
        while i < len(keys) - 1:
            if keys[i] not in starters and "-" not in keys[i] and keys[i + 1] not in surnames \
                    and keys[i + 1] not in lex.particles \
                    and (keys[i] in common or keys[i + 1] in common or keys[i] in known and keys[i + 1] in known
                         and not (self.text is not None and surname_first(self.tokens, i, lex, self.words))
                         or self.text is None and not (unknown_word(keys[i], lex) and unknown_word(keys[i + 1], lex))) \
                    and (self.tokens[i + 1].raw.isascii() or not name_letters(self.tokens[i + 1], lex)):  # "Diệp Tạ"
                i += 1
                continue
            skip = phrase_length(keys, i, lex)
            if skip:
                i += skip
                continue
            spotted = self._name_at(i)
            if spotted is None:
                i += 1
                continue
            found.append(spotted[0])
            i = spotted[1] + 1
        return found

    def _name_at(self, i: int) -> tuple[Spotted, int] | None:
        """The name starting at word i and the index of its last word."""
        tokens, lex = self.tokens, self.lex
        key = tokens[i].key
        if key in lex.titles:
            end = self._surname_end(i + 1, title=True)
            if end is None or self.strict and (not self._surname(tokens[end]) or english_word(tokens[end].key, lex)):
                return None                     # lower-case prose: "miss superb", "mr busy"
            first = tokens[i + 1].raw if end > i + 1 and is_given(tokens[i + 1].key, lex) else ""
            return Spotted(tokens[i].start, tokens[end].end, first, "staff"), end
        if self.text is not None and (key in self.words and not self._given_despite_language(i)
                                      or tokens[i].raw[0].islower()):
            return None                         # "Hugo" on a German page; "von der Klassenfahrt"
        if key in lex.honorifics or i and tokens[i - 1].key in lex.honorifics:
            return None                         # "Bishop Wordsworth", "Lady Margaret Beaufort": a school's name
        given = is_given(key, lex) or word_given_before_surname(tokens, i, lex, self.words)   # "Mats Hüttenrauch"
        if not given and self.text is not None and surname_first(tokens, i, lex, self.words):
            return Spotted(tokens[i].start, tokens[i + 1].end, tokens[i + 1].raw, "unknown"), i + 1   # "Wang Haoran"
        if not given and not self._unknown_given(i):
            return None
        if key in lex.calendar and is_given(tokens[i + 1].key, lex):
            return None                         # "In May Oliver Smith": May is the month
        end = self._surname_end(i + 1, title=False)
        if end is None or self._is_place(i, end) \
                or not (given and tokens[end].key in lex.person_surnames) and self._place_after_locative(i, end):
            return None
        if not given and (phrase_before_given(tokens, i, end, lex)      # "Comhghairdeas le Jesse van Gelderen"
                          or tokens[end].key not in lex.surnames and not self._unknown_pair(i, end)):
            return None
        if self.strict and english_word(key, lex) and english_word(tokens[end].key, lex) \
                or stock_credit(self.text, tokens[end].end, lex):
            return None                         # lower-case prose: "the sunny park", "mark green"
        return Spotted(tokens[i].start, tokens[end].end, tokens[i].raw, "unknown"), end

    def _given_despite_language(self, i: int) -> bool:
        """A given name that the page language's word list holds (its word counts include names: "Lena",
        "Jonas" in German) is still one before a known surname that is no word of that language nor of
        English ("Lena Okafor" on a German page; not "Hugo Sommer Fest"), or before another given name and
        such a surname: a given name at the start of a run of names is a name ("Mali Haf Jones" on a Welsh
        page, where "mali" and "haf" are words too)."""
        tokens, lex = self.tokens, self.lex
        if not is_given(tokens[i].key, lex) or i + 1 >= len(tokens):
            return word_given_before_surname(tokens, i, lex, self.words)     # "Jet van Leeuwarden" in Italian
        if is_given(tokens[i + 1].key, lex) and i + 2 < len(tokens):
            i += 1
        after = tokens[i + 1].key
        return after in lex.name_surnames and after not in self.words

    def _unknown_given(self, i: int) -> bool:
        """A given name missing from the lists ("Adebayo"), before a known surname; in a file name
        ("adebayo-ogunleye") only a longer one, since any word may stand there; in lower-case text
        only before a surname the lists hold."""
        token, lex = self.tokens[i], self.lex
        if i and is_given(self.tokens[i - 1].key, lex):
            return False                        # "Millicent Fawcett Hall": the surname of the name before
        if token.key in lex.rare_words and i + 1 < len(self.tokens) and is_given(self.tokens[i + 1].key, lex):
            return False                        # "Olympian Tom Daley": a word before a name describes it
        after = self.tokens[i + 1].key if i + 1 < len(self.tokens) else ""
        if after in lex.particles and after in self.words:
            return False                        # "Oceanário de Lisboa": "de" is a word of the page's language
        if self.strict:                         # lower-case text: "defne arslan", "haziq bin osman": a known surname,
            word = next((word for word in self.tokens[i + 1:] if word.key not in lex.particles), token)
            if word.key not in lex.name_surnames and not (  # or no words before a class: "fiyinfoluwa akinwande (4m)"
                    CLASS_AFTER.match(self.text or "", word.end) and unknown_word(token.key, lex)) \
                    or after in lex.particles and english_word(token.key, lex):
                return False
        return (len(token.key) > (2 if self.text is not None else 3) and token.key.isalpha()
                and token.key not in lex.not_surname and (self.text is not None or token.key not in lex.rare_words)
                and token.key not in lex.particles and token.key not in self.words)

    def _unknown_pair(self, i: int, end: int) -> bool:
        """Two capitalised words that are no common English word ("Temitope Akinola", "Wren
        Hebblethwaite": the lists know neither as a given name), not after "at" or "in": in prose, a
        name from outside the lists more likely than anything else. In a file name, two words that no
        list and no dictionary (of English or of the other languages) knows."""
        lex = self.lex
        if any(token.key not in lex.particles for token in self.tokens[i + 1 : end]):
            return False                        # "Lochlann Mac Aodha": particles may stand between
        if phrase_before_given(self.tokens, i, end, lex):
            return False                        # "Comhghairdeas le Saoirse": Irish, "congratulations to"
        pair = (self.tokens[i], self.tokens[end])
        if self.text is None:                   # "bukola-adesanya.jpg": no dictionary knows either word
            return all(no_dictionary_word(token.key, lex) for token in pair)
        if any(token.key in lex.not_surname or token.key in lex.particles or token.key in self.words
               or len(token.key) < 3 or not all(part[1:].islower() for part in token.raw.split("-"))
               for token in pair) \
                or all(token.key in lex.listed for token in pair):
            return False                        # a common word; one listed name may stand ("Wren")
        before = words_before(self.text, self.tokens[0].start)
        words = (before + tuple(token.key for token in self.tokens[:i]))[-1:]
        return not words or words[0] not in self.lex.locatives or self._possessive(end)

    def _possessive(self, end: int) -> bool:
        """ "at Tamsin Quartley's party": the name ends in a possessive, so it is a person's."""
        return self.text is not None and self.text.startswith(APOSTROPHES_S, self.tokens[end].end)

    def _surname_end(self, j: int, *, title: bool) -> int | None:
        """Index of the last word of the surname that starts at or after j."""
        tokens, lex = self.tokens, self.lex
        last = len(tokens) - 1
        if j < last and is_given(tokens[j].key, lex) and tokens[j].key not in lex.particles \
                and self._surname(tokens[j + 1]):
            j += 1                              # a middle name: "Amelia Rose Watson", "Mrs Sarah Jones"
        elif not title and self.text is None and is_given(tokens[j].key, lex) and tokens[j].key not in lex.surnames:
            return None                         # "oliver-amara.jpg": two children; "harvey-lewis.jpg": one
        start = j
        while j < last and tokens[j].key in lex.particles:
            j += 1                              # "De Souza", "Ó Briain"
        if title:
            if tokens[j].key in lex.titles or len(tokens[j].key) < 2:
                return None
        elif not self._surname(tokens[j]) and not self._word_surname(j):
            if not (j > start and self._surname(tokens[start]) or self._short_surname(start)):
                return None
            j = start                           # "Quang Le At The Gala": "Le" is the surname, not a particle
        after = tokens[j + 1].key if j < last else ""
        if after in lex.following or (self.text is not None and (after in lex.named_things
                                                                  or after in lex.surname_places)):
            return None                         # "Joseph Lister Academy", "Willow Class", "Millicent Fawcett Hall"
        if self.text is not None and not self.strict and j + 1 < last and (
                tokens[j + 2].key in lex.named_things or tokens[j + 2].key in lex.following
                or tokens[j + 2].key in lex.surname_places):
            return None                         # "the Dorothy Hodgkin Science Award", "Ada Lovelace Coding Club",
                                                # "Tanni Grey-Thompson Sports Hall"
        if self.text is not None and j < last and second_surname(tokens[j + 1], lex):
            j += 1                              # Iberian double surnames: "Filipa Sousa Lobo", "Lucía Pérez Gallardo"
        return j

    def _word_surname(self, j: int) -> bool:
        """ "Usman Sheikh", "Zainab Butt": in prose, a surname that is also an English word, straight after a
        given name that is none ("Rose Butt" is left alone); or any English word so, capitalised, when a class
        or year group follows it ("Aashika Pun (6B)", "Sabina Sang - 5C": the class says a pupil is named)."""
        word, given, lex = self.tokens[j], self.tokens[j - 1].key, self.lex
        if self.text is None or self.strict or not word.raw[1:].islower():
            return False
        listed = word.key in lex.word_surnames
        if not listed and (j < len(self.tokens) - 1 or CLASS_AFTER.match(self.text, word.end) is None):
            return False                        # the usual case: no evidence, two cheap checks
        return is_given(given, lex) and given not in lex.word_given and word.key not in self.words \
            and (listed or not english_word(given, lex))

    def _short_surname(self, j: int) -> bool:
        """ "Hanh Do", "zihan-wu.jpg": a short surname (words.Lexicon.short_surnames), not in capitals,
        straight after a given name that is no English word; in a file name, one that is an English word
        ("do") only run together with the given name."""
        word, given, lex = self.tokens[j], self.tokens[j - 1], self.lex
        if word.key not in lex.short_surnames \
                or self.text is None and word.key in lex.not_surname and given.end != word.start:
            return False                        # "amelia-do-it.jpg"; but "hanhdo.jpg", run together
        return word.raw[1:].islower() and (self.text is None or not word.raw[0].islower()) \
            and is_given(given.key, lex) and not english_word(given.key, lex)   # "Amelia do Maths": a particle

    def _surname(self, token: Token) -> bool:
        return is_surname(token, self.lex, self.words, self.strict)

    def _place_after_locative(self, i: int, end: int) -> bool:
        """ "at Abbey Fields", "in Lyme Regis": after "at", "in" and the like, a place, unless a known given
        name comes before a surname that is no English word (Lexicon.person_surnames, checked by the
        caller) or the name is a possessive ("at Hattie Braddock's party")."""
        if self.text is None:
            return False
        if i:
            previous = self.tokens[i - 1].key
        else:                                   # the word before the run: a slice, cheaper than words_before
            before = self.text[max(0, self.tokens[0].start - 12) : self.tokens[0].start].split()
            previous = before[-1].lower() if before else ""
        return previous in self.lex.place_locatives and not self._possessive(end)

    def _is_place(self, i: int, end: int) -> bool:
        """ "Victoria Park" after "at" or "trip to" is a place; "Lucy Hill" is a girl. In a file name, a place
        unless no place is named after the given name: one no surname list holds and no English word
        ("seoyeon-park", "SeoyeonPark": Park is a Korean surname; "victoria-park", "lucy-hill" are places)."""
        if self.tokens[end].key not in self.lex.surname_places:
            return False
        if self.text is None:
            given = self.tokens[i].key
            return given in self.lex.surnames or english_word(given, self.lex) or not is_given(given, self.lex)
        if in_list_of_places(self.text, self.tokens[i].start, self.lex):
            return True                         # "outside Millicent Fawcett Hall", "Lincoln Cathedral and Stanley Park"
        before = words_before(self.text, self.tokens[0].start)
        words = (before + tuple(token.key for token in self.tokens[:i]))[-2:]
        if not words:
            return False
        if words[-1] == "to":
            return len(words) == 2 and words[0] in self.lex.motion_words
        return words[-1] in self.lex.locatives


def in_text(text: str, language: str = "") -> list[Spotted]:
    """Full names in prose written in `language` (a BCP 47 tag; "" or "en" for English).

    Text with no capital letter at all (a lower-case alt text) is read as if
    capitalised, but then only a known given name and a known surname count; so
    too on a page in a language without a word list (Welsh, Irish: "Dawnsio
    Gwerin" is two words no list knows, not a name).
    """
    if (" '" in text or ' "' in text or " (" in text or " ‘" in text or " “" in text) \
            and NICKNAME.search(text) is not None and (cut := without_nicknames(text)) is not None:
        short, where = cut                      # "Thomas 'Tommy' Reilly" (names/nicknames.py)
        return [Spotted(where[found.start], where[found.end], found.first, found.role)
                for found in in_text(short, language)]
    lex = lexicon()
    text = spelled_for_finder(text)             # "Nic an tSaoir": one word, the same length (names/irish.py)
    words = language_words(language) if language else NO_WORDS
    text = joined_lines(text, lex, words)       # "Kwame<br>Oduro-Boakye", "d'Aubigné" (names/line_joins.py)
    unlisted = not words and bool(language) and language.strip().lower().partition("-")[0] not in ("en", "")
    found = _spot(text, lex, words, strict=unlisted)
    if ". " in text and not unlisted:           # "A. Kowalski", "Mrs J. Patel" (names/initials.py)
        found = without_overlaps(found, initials_names(text, lex, words))
    if not text.isascii():                      # "عائشہ خان": Arabic script has no capitals (names/arabic_script.py)
        found += arabic_names(text, language)
    if found:                                   # "la biblioteca Rosalía de Castro", "the Rachel Carson garden"
        found = not_named_things(found, text, language, lex)
    if found or text.lower() != text:
        return found + reversed_names(text, lex, words) if "," in text else found
    titled = spelled_for_finder(irish_titled(text))     # "fionn mac an bhaird": "Mac an Bhaird", one surname
    return _spot(titled, lex, words, strict=True) if len(titled) == len(text) else []


def _spot(text: str, lex: Lexicon, words: frozenset[str], strict: bool) -> list[Spotted]:
    found = []
    for run in lex.run_pattern.finditer(text):
        group = run.group()
        words_in_run = group.split()
        if group.isascii() and not may_hold_name(words_in_run, lex) and not CLASS_AFTER.match(text, run.end()):
            continue                                # "Zoë" needs plain() to be looked up; "Aashika Pun (6B)"
        offset = run.start()
        for tokens in words_of(group, words_in_run, offset, lex):
            found.extend(_Run(tokens, lex, text, words, strict).names())
    return found

