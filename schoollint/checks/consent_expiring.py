"""SL602 consent-expiring: a photo named with a roster person whose website consent ends within `warn-days`."""

from __future__ import annotations

from ..names.consent import days_left, no_website_consent
from .consent_policy import consent_findings, required, today

CODES = ("SL602",)
READS = "page"


def check(subject, ctx):
    day, policy, warn_days = today(ctx), required(ctx), ctx.options("SL602").get("warn-days", 30)

    def judge(person):
        left = days_left(person, day)
        if left is None or left > warn_days or no_website_consent(person, day, policy):
            return None         # no end in sight, or already no consent (SL601 says so)
        return "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"

    yield from consent_findings(subject, ctx, "SL602", judge, "whose website consent ends {reason}",
                                "{has} a website consent that ends {reason}")
