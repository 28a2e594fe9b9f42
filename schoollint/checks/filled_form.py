"""SL110 filled-form: a PDF form whose fields hold what someone typed or ticked (formats/pdf_marks.py
reads each filled field's full name and value, ISO 32000-2 12.7.4). No fix: see the rule."""

from ..finding import Finding
from ..formats.pdf_marks import FORM_VALUE

CODES = ("SL110",)
READS = "media"


def check(subject, ctx):
    facts = subject.facts
    items = facts.of_kind(FORM_VALUE) if facts is not None else []
    if not items:
        return
    names = [item.field.removeprefix("form field ") for item in items]
    held = f"{len(items)} field{'s' if len(items) > 1 else ''} hold{'s' if len(items) == 1 else ''}"
    yield Finding("SL110", subject.path, f"a filled-in form: {held} what someone typed ({', '.join(names)})",
                  field=", ".join(item.field for item in items), value="; ".join(item.value or "" for item in items))
