"""SL101-SL104: metadata that reveals where, who, when, or hides another picture.

One finding per rule per file, naming the fields (never their values); the
fix strips the kinds of metadata the rule covers.
"""

from ..finding import Fix, Problem
from ..formats import FREE_TEXT, IDENTITY, LOCATION, PERSON_NAME, PREVIEW, TIMESTAMP

CODES = ("SL101", "SL102", "SL103", "SL104")
TARGET = "media"

# code -> (kinds it covers, how the message starts, what the fix says)
RULES = {
    "SL101": ((LOCATION,), "stores where it was taken", "remove location metadata"),
    "SL102": ((IDENTITY, TIMESTAMP, FREE_TEXT), "stores identifying metadata", "remove identifying metadata"),
    "SL103": ((PREVIEW,), "hides another picture", "remove embedded previews and appended data"),
    "SL104": ((PERSON_NAME,), "names people in its metadata", "remove people's names and face regions"),
}


def _fields(items) -> str:
    return ", ".join(dict.fromkeys(item.field for item in items))


def check(subject, ctx):
    facts = subject.facts
    if facts is None:
        return
    for code, (kinds, opening, fix_summary) in RULES.items():
        items = facts.of_kind(*kinds)
        if not items:
            continue
        if code == "SL104":
            opening = f"names {len(items)} {'person' if len(items) == 1 else 'people'} in its metadata"
        values = [item.value for item in items if item.value]
        yield Problem(
            code,
            f"{opening} ({_fields(items)})",
            field=_fields(items),
            value="; ".join(values) or None,
            fix=Fix("strip-metadata", kinds, safe=True, summary=fix_summary),
        )
