"""SL601 no-consent: a photo named with a roster pupil (or member of staff) who has no website consent."""

from __future__ import annotations

from ..names.consent import no_website_consent
from .consent_policy import consent_findings, required, today

CODES = ("SL601",)
READS = "page"


def check(subject, ctx):
    day, policy = today(ctx), required(ctx)

    def judge(person):
        reason = no_website_consent(person, day, policy)
        # Other scopes say where the photo may still go: "refused, though given for print".
        given = [scope for scope, value in person.scopes if value == "yes"]
        return f"{reason}, though given for {' and '.join(given)}" if reason and given else reason

    yield from consent_findings(subject, ctx, "SL601", judge, "whose website consent is {reason}",
                                "{has} no website consent ({reason})")
