"""What a free-form metadata name holds, by meaning: QuickTime 'keys' names (ffmpeg's bare
'location', 'title', 'artist'; Apple's and Android's reverse-DNS names), Matroska tag names
(Matroska Media Container Tagging, RFC 9559 companion: ARTIST, DATE_RECORDED, RECORDING_LOCATION),
and the like. Names are compared by their last dotted part, lower-case, without '_', '-' or spaces.
"""

from __future__ import annotations

from .model import FREE_TEXT, IDENTITY, LOCATION, TIMESTAMP

# The word's kind, and the plain word a finding names it by.
_WORDS = {
    **{word: (LOCATION, "location") for word in (
        "location", "iso6709", "gps", "gpscoordinates", "coordinates", "latitude", "longitude", "position",
        "xyz", "place", "placename", "city", "country", "recordinglocation", "composerlocation",
        "gpslatitude", "gpslongitude")},
    **{word: (IDENTITY, "person or device") for word in (
        "artist", "author", "albumartist", "composer", "performer", "performers", "creator", "owner",
        "copyright", "make", "model", "manufacturer", "serial", "serialnumber", "encoder", "software",
        "encodedby", "publisher", "director", "producer", "leadperformer", "actor", "writer", "editedby",
        "distributedby", "productionstudio", "writingapp", "muxingapp", "engineer", "technician", "purchaseowner")},
    **{word: (TIMESTAMP, "date") for word in (
        "date", "creationdate", "creationtime", "year", "daterecorded", "datereleased", "dateencoded",
        "datetagged", "datedigitized", "datewritten", "datepurchased")},
    **{word: (FREE_TEXT, "text") for word in (
        "title", "name", "displayname", "description", "comment", "comments", "keywords", "information",
        "synopsis", "lyrics", "subtitle", "album", "genre", "notes", "summary", "subject", "purpose",
        "law", "url", "email", "mood", "keywordslist")},
}
# Names that describe the encoding only (ffmpeg's per-track statistics tags, handler names).
TECHNICAL = frozenset({"duration", "bps", "numberofframes", "numberofbytes", "statisticswritingapp",
                       "statisticswritingdateutc", "statisticstags", "handlername", "vendorid", "language",
                       "majorbrand", "minorversion", "compatiblebrands", "rotate", "alpha_mode", "alphamode"})


def squeeze(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower().replace("_", "").replace("-", "").replace(" ", "")


def meaning(name: str) -> tuple[str, str] | None:
    """(kind, plain word) of a metadata name, or None for a name whose meaning is not known."""
    return _WORDS.get(squeeze(name))
