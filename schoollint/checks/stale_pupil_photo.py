"""SL604 stale-pupil-photo: a photo shown on the site first published more than `max-age` months ago.

Guidance, "Regularly Review Online Content". Reads the run (first-published
dates come from Git or the pages, see schoollint.audit); `max-age` is read per
photo, so `per-path` can set it by folder.
"""

from __future__ import annotations

from ..finding import Finding
from ..review import months_before

CODES = ("SL604",)
READS = "run"


def check(subject, ctx):
    for path, published in sorted(subject.first_published.items()):
        months = subject.options_for(path)["SL604"]["max-age"]
        if published < months_before(subject.today, months):
            yield Finding("SL604", path, f"first published on {published.isoformat()}, more than {months} months "
                          "ago: review whether it is still needed, or replace it with a generic image",
                          field="first published")
