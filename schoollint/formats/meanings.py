"""What a free-form metadata name holds, by meaning: QuickTime 'keys' names (ffmpeg's bare
'location', 'title', 'artist'; Apple's and Android's reverse-DNS names), Matroska tag names
(Matroska Media Container Tagging, RFC 9559 companion: ARTIST, DATE_RECORDED, RECORDING_LOCATION),
and the like. Names are compared by their last dotted part, lower-case, without '_', '-' or spaces;
a name not known as it is is looked up again without a language suffix (ffmpeg writes a title in
French as 'title-fra', others 'title_fr' or 'title-en-GB': ISO 639-2 or BCP 47, RFC 5646 section 2.1).

A name whose meaning is still not known is not dropped: `unknown` names it as a metadata field
schoollint does not know (SL102), so that a key of any vendor is reported and --fix removes it.
"""

from __future__ import annotations

import re

from .model import FREE_TEXT, IDENTITY, LOCATION, TIMESTAMP

# The word's kind, and the plain word a finding names it by.
_WORDS = {
    **{word: (LOCATION, "location") for word in (
        "location", "iso6709", "gps", "gpscoordinates", "coordinates", "latitude", "longitude", "position",
        "xyz", "place", "placename", "city", "country", "recordinglocation", "composerlocation",
        "gpslatitude", "gpslongitude", "geolocation", "altitude", "gpsaltitude", "locationname")},
    **{word: (IDENTITY, "person or device") for word in (
        "artist", "author", "albumartist", "composer", "performer", "performers", "creator", "owner",
        "copyright", "make", "model", "manufacturer", "serial", "serialnumber", "encodedby",
        "publisher", "director", "producer", "leadperformer", "actor", "writer", "editedby",
        "distributedby", "productionstudio", "engineer", "technician", "purchaseowner", "camera",
        "cameramodel", "cameramake", "device", "devicename", "hostcomputer", "user", "username", "operator",
        "cameraoperator", "photographer", "videographer", "person", "people", "contact")},
    # An encoder or editing application names no person, but is identifying all the same (SL102).
    **{word: (IDENTITY, "software") for word in (
        "encoder", "software", "writingapp", "muxingapp", "encodingtool", "application", "firmware")},
    **{word: (TIMESTAMP, "date") for word in (
        "date", "creationdate", "creationtime", "year", "daterecorded", "datereleased", "dateencoded",
        "datetagged", "datedigitized", "datewritten", "datepurchased", "modificationdate")},
    **{word: (FREE_TEXT, "text") for word in (
        "title", "name", "displayname", "description", "comment", "comments", "keywords", "information",
        "synopsis", "lyrics", "subtitle", "album", "genre", "notes", "summary", "subject", "purpose",
        "law", "url", "email", "mood", "keywordslist", "caption", "headline", "label", "tags")},
}
# Names that describe the encoding only (ffmpeg's per-track statistics tags, handler names).
TECHNICAL = frozenset({"duration", "bps", "numberofframes", "numberofbytes", "statisticswritingapp",
                       "statisticswritingdateutc", "statisticstags", "handlername", "vendorid", "language",
                       "majorbrand", "minorversion", "compatiblebrands", "rotate", "alpha_mode", "alphamode"})
# A language suffix: ISO 639 (2 or 3 letters) after '-', '_' or a space, then any BCP 47 subtags
# (script 'Hans', region 'GB' or '419', variants), at the end of the name.
_LANGUAGE_SUFFIX = re.compile(r"[-_ ][a-z]{2,3}(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}|[a-z\d]{5,8}))*$", re.IGNORECASE)
# A key name is shown in findings: printable, and short enough for one line.
_MAX_NAME = 80


def squeeze(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower().replace("_", "").replace("-", "").replace(" ", "")


def _forms(name: str) -> tuple[str, ...]:
    """The squeezed name as written, then without its language suffix when it has one."""
    last = name.rsplit(".", 1)[-1]
    bare = _LANGUAGE_SUFFIX.sub("", last)
    return (squeeze(last), squeeze(bare)) if bare and bare != last else (squeeze(last),)


def meaning(name: str) -> tuple[str, str] | None:
    """(kind, plain word) of a metadata name ('location-eng' as 'location'), or None for a name
    whose meaning is not known."""
    return next((_WORDS[form] for form in _forms(name) if form in _WORDS), None)


def technical(name: str) -> bool:
    """Whether the name describes the encoding only ('DURATION', 'handler_name-eng')."""
    return any(form in TECHNICAL for form in _forms(name))


def printable(name: str) -> str:
    """A key name as a finding may show it: control characters as '?', cut to one line."""
    shown = "".join(c if c.isprintable() else "?" for c in name)
    return shown if len(shown) <= _MAX_NAME else shown[:_MAX_NAME - 1] + "…"


def unknown(where: str) -> tuple[str, str]:
    """(kind, field) for a metadata name whose meaning is not known, `where` naming the container
    and the key ("QuickTime key com.example.pupil"): reported as identifying (SL102), never dropped."""
    return IDENTITY, f"a metadata field schoollint does not know: {where}"
