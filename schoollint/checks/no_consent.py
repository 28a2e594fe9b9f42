"""SL601 no-consent: a photo named with a roster pupil (or member of staff) who has no website consent."""

from __future__ import annotations

from ..names.consent import no_website_consent
from .consent_policy import consent_findings, required, today

CODES = ("SL601",)
READS = "page"


def check(subject, ctx):
    day, policy = today(ctx), required(ctx)
    yield from consent_findings(
        subject, ctx, "SL601", lambda person: no_website_consent(person, day, policy),
        "whose website consent is {reason}", "{has} no website consent ({reason})")
