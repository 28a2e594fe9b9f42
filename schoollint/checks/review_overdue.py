"""SL605 review-overdue: the last recorded review is older than `review-every` months, or there is none.

Guidance, "Regularly Review Online Content". A finding about the whole site,
placed on the review log (.schoollint-review.yml); off until `review-every`
is set in the configuration.
"""

from __future__ import annotations

from ..finding import Finding
from ..review import REVIEW_LOG, months_before

CODES = ("SL605",)
READS = "run"


def check(subject, ctx):
    every = ctx.options("SL605")["review-every"]
    last = subject.last_review
    if every and (last is None or last < months_before(subject.today, every)):
        when = f"the last was on {last.isoformat()}" if last else "none is recorded"
        yield Finding("SL605", REVIEW_LOG, f"the website's images of pupils are due a review (every {every} "
                      f"months; {when}): run `schoollint audit -o ~/audit.html`, review it, then record "
                      "the review with `schoollint audit -o ~/audit.html --record-review INITIALS`",
                      field="last review")
