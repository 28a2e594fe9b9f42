"""SL002: pages and site data files that cannot be parsed."""

from ..finding import Finding

CODES = ("SL002",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:
        reason = subject.error.removeprefix(f"{subject.path}: ").removeprefix(f"{subject.path} ")
        yield Finding("SL002", subject.path, f"cannot read this page: {reason}", field="page structure")
    elif subject.page.fallback_encoding:   # read, but perhaps not as written: never silently lossy
        yield Finding("SL002", subject.path, f"this page is not valid UTF-8, so it was read as "
                      f"{subject.page.fallback_encoding} (as browsers read such HTML): names in it were checked as "
                      "read that way; save it as UTF-8 so that its words are certain", field="character encoding")
