"""SL002: pages and site data files that cannot be parsed."""

from ..finding import Problem

CODES = ("SL002",)
TARGET = "page"


def check(subject, ctx):
    if subject.page is None:
        reason = subject.error.removeprefix(f"{subject.path}: ").removeprefix(f"{subject.path} ")
        yield Problem("SL002", f"cannot read this page: {reason}", field="page structure")
