"""Which consent a roster column holds, from its header as a school's export writes it (issue 13).

MIS and consent apps name the same column many ways: "Photo Consent (Website)",
"Website Photo Consent", "Consent - Photos on school website", "Photos online".
A header is read as words (split at punctuation, spaces and camelCase,
casefold), in any order:

- a known alias (consent.HEADERS) is taken as it is;
- a date column: consent or photo words with expiry/review/given/withdrawn and a
  date word, or a leaving word ("Photo consent expiry date", "Date left");
- website consent: a photo word (photo, photograph, image, picture) or a consent
  word (consent, permission) with a web word (website, web, online, internet),
  or a photo word with a consent word and no other scope ("Photo Consent": a
  general photo consent covers the website);
- another scope, kept apart (social media, print, press, promotional material,
  video): its words, with a photo or consent word;
- anything else holding a consent word is not read: UNSCOPED when no word says
  what it is for ("Consent", "Parental consent status": it may be the website
  one), OTHER when words do ("Trip consent", "Biometric consent").
Returns a consent.Columns meaning ("website", "scope:print", "date:leaving"),
UNSCOPED, OTHER, or None for a column that is not about consent.
"""

from __future__ import annotations

import re

from .consent import HEADERS

UNSCOPED, OTHER = "consent?", "consent:other"
_CONSENT = {"consent", "consents", "consented", "permission", "permissions"}
_PHOTO = {"photo", "photos", "photograph", "photographs", "photography", "photographic", "image", "images",
          "picture", "pictures", "pic", "pics"}
_WEB = {"website", "websites", "web", "online", "internet", "webpage", "webpages", "site"}
_SCOPES = {
    **dict.fromkeys(("social", "facebook", "twitter", "instagram", "socialmedia"), "social media"),
    **dict.fromkeys(("print", "printed", "prospectus", "newsletter", "newsletters", "publications"), "print"),
    **dict.fromkeys(("press", "newspaper", "newspapers", "news"), "press"),
    **dict.fromkeys(("promotional", "promotion", "marketing", "publicity", "advertising"), "promotional material"),
    **dict.fromkeys(("video", "videos", "filming", "film", "recording"), "video"),
}
# Words that say nothing about what a consent is for: a header of only these (and consent) is unscoped.
_GENERIC = {"parent", "parents", "parental", "pupil", "pupils", "student", "students", "child", "general",
            "overall", "status", "form", "consent", "consents", "permission", "permissions", "of", "for", "to",
            "the", "and", "on", "in", "school", "has", "given", "yn", "y", "n", "current", "type", "latest"}
_DATE = {"date", "on", "dated", "when"}
_EXPIRES = {"expiry", "expires", "expire", "expiration", "until", "ends", "valid"}
_LEAVING = {"leaving", "leaver", "left", "leave", "leavers"}
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def header_words(header: str) -> list[str]:
    """ "PhotoConsent (Website)" -> ["photo", "consent", "website"]."""
    return [word.casefold() for word in _WORD.findall(header)]


def classify(header: str) -> str | None:
    """What a roster column holds, judged from its header (see the module docstring)."""
    alias = HEADERS.get(re.sub(r"[\W_]+", "", header.casefold()))
    if alias:
        return alias
    words = set(header_words(header))
    about = words & (_CONSENT | _PHOTO)
    if words & _LEAVING and (words & _DATE or len(words) <= 2):
        return "date:leaving"
    if about and words & (_DATE | _EXPIRES):
        for kind, wanted in (("expires", _EXPIRES), ("review", {"review", "renewal"}),
                             ("withdrawn_on", {"withdrawn", "withdrawal"}),
                             ("given_on", {"given", "signed", "received", "obtained", "returned"})):
            if words & wanted:
                return f"date:{kind}"
    if words & _WEB and about:
        return "website"
    scopes = {_SCOPES[word] for word in words if word in _SCOPES}
    if scopes and about:
        return f"scope:{sorted(scopes)[0]}" if len(scopes) == 1 else OTHER
    if words & _PHOTO and words & _CONSENT and words <= _GENERIC | _PHOTO:
        return "website"
    if words & _CONSENT:
        return UNSCOPED if words <= _GENERIC else OTHER
    return None
