"""SL001 unused-suppression: an inline `schoollint: ignore` that silences nothing, or names no rule."""

from ..finding import Finding

CODES = ("SL001",)
READS = "suppressions"


def check(subject, ctx):
    for suppression, words in subject.unknown:
        yield Finding("SL001", subject.path,
                      f"this `schoollint: ignore` names {', '.join(sorted(words))}, which is no rule's code "
                      "or name, so it suppresses nothing for it (`schoollint rules` lists them)",
                      line=suppression.line, field="inline suppression")
    for suppression in subject.unused:
        # A suppression for a rule that is not running here cannot be judged unused.
        if suppression.codes <= subject.active:
            what = ", ".join(sorted(suppression.codes)) or "all rules"
            yield Finding("SL001", subject.path, f"this `schoollint: ignore` ({what}) suppresses nothing",
                          line=suppression.line, field="inline suppression")
