"""SL002: pages and site data files that cannot be parsed."""

from ..finding import Finding

CODES = ("SL002",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:
        reason = subject.error.removeprefix(f"{subject.path}: ").removeprefix(f"{subject.path} ")
        yield Finding("SL002", subject.path, f"cannot read this page: {reason}", field="page structure")
