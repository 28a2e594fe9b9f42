"""SL603 leaver-still-shown: a photo named with a roster person who left more than `grace-days` ago."""

from __future__ import annotations

from ..names.consent import days_since_leaving
from .consent_policy import consent_findings, today

CODES = ("SL603",)
READS = "page"


def check(subject, ctx):
    day, grace = today(ctx), ctx.options("SL603").get("grace-days", 90)

    def judge(person):
        since = days_since_leaving(person, day)
        return f"more than {grace} days ago" if since is not None and since > grace else None

    yield from consent_findings(subject, ctx, "SL603", judge, "who left the school {reason}",
                                "left the school {reason}")
