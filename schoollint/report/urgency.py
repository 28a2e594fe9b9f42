"""What a safeguarding lead does first: the audit's "act now" order of problems, photos and rules.

The order is the harm each problem lets through, most direct first (Managing student image and video
content, "Practical actions to take"): a photo shown of a pupil whose website consent is refused,
withdrawn, expired or over (they left) breaks "informed consent procedures ... in place and up to date"
for a child who is on the page now; a full name with a photo breaks "Names-No-Images / Images-No-Names",
which is what links a picture to a child; location and other metadata ("Ensure Image Metadata is
Removed") tells a reader where and with which camera, but not who. Everything else is planned or
checked next (consent ending soon, resolution, review dates, files to check by hand). Within a step, the
rules in the order listed (consent refused or withdrawn before a leaver; GPS before a camera's serial),
then an error before a warning.

Shapes: a rule code ("SL601") -> (step number 1-4, the step's words); a card (report.audit's photo
dict, findings with "code" and "severity") -> a sort key, its most urgent finding first.
"""

from __future__ import annotations

# (step, the lead's words for it, its rules, most urgent first); a rule in no step is in LATER
STEPS = (
    (1, "Act now: photos shown without consent", ("SL601", "SL603")),
    (2, "Next: full names with photos", ("SL302", "SL303", "SL301", "SL401", "SL104")),
    (3, "Then: location and other metadata", ("SL101", "SL102", "SL103", "SL110", "SL108", "SL109")),
)
LATER = (4, "Plan and check: consent ending soon, size, review dates, files to check by hand")
NOTHING = 5      # a card without findings: last
SEVERITY = {"error": 0, "warning": 1}


def step(code: str) -> tuple[int, str]:
    """(step number, its words) for a rule code."""
    for number, words, codes in STEPS:
        if code in codes:
            return number, words
    return LATER


def described(code: str) -> dict:
    """{"step": number, "what": its words} for a rule code, as the JSON gives it."""
    number, words = step(code)
    return {"step": number, "what": words}


def _place(code: str, severity: str) -> tuple[int, int, int]:
    """(step, the rule's place in it, error before warning)."""
    number = step(code)[0]
    rules = STEPS[number - 1][2] if number <= len(STEPS) else ()
    return number, rules.index(code) if code in rules else 0, SEVERITY.get(severity, 2)


def finding_key(finding: dict) -> tuple:
    """A finding's place in the act-now order, then its code."""
    return *_place(finding["code"], finding["severity"]), finding["code"]


def card_key(card: dict) -> tuple:
    """A photo card's place: its most urgent finding, then more findings first, then its path."""
    first = min((_place(f["code"], f["severity"]) for f in card["findings"]), default=(NOTHING, 0, 0))
    return (*first, -len(card["findings"]), card["path"])


def summary_key(line: dict) -> tuple:
    """A summary line's place (one rule): its place in the act-now order, more photos first, then code."""
    return *_place(line["code"], line["severity"]), -line["photos"], line["code"]
