"""SL002: pages and site data files that cannot be parsed."""

from ..finding import Finding

CODES = ("SL002",)
READS = "page"


def check(subject, ctx):
    if subject.page is None:
        reason = subject.error.removeprefix(f"{subject.path}: ").removeprefix(f"{subject.path} ")
        yield Finding("SL002", subject.path, f"cannot read this page: {reason}", field="page structure")
    elif subject.page.fallback_encoding:   # read, but perhaps not as written: never silently lossy
        guessed = subject.page.fallback_encoding
        how = ("by its zero bytes (browsers may show it garbled: without the mark they do not look for UTF-16)"
               if "byte-order mark" in guessed else "(as browsers read such HTML)")
        yield Finding("SL002", subject.path, f"this page is not valid UTF-8, so it was read as {guessed} {how}: "
                      "names in it were checked as read that way; save it as UTF-8 so that its words are certain",
                      field="character encoding")
