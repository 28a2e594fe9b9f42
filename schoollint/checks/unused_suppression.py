"""SL001 unused-suppression: an inline `schoollint: ignore` that silences nothing, or names no rule."""

from ..finding import Finding

CODES = ("SL001",)
READS = "suppressions"


def check(subject, ctx):
    for suppression, words in subject.unknown:
        named = sorted(word if word[2:3].isdigit() else word.lower() for word in words)   # names as written
        yield Finding("SL001", subject.path,
                      f"this `schoollint: ignore` names {', '.join(named)}, which is no rule's code "
                      f"or name, so it suppresses nothing for it{_meant(named)} (`schoollint rules` lists them)",
                      line=suppression.line, field="inline suppression")
    for suppression in subject.unused:
        # A suppression for a rule that is not running here cannot be judged unused.
        if suppression.codes <= subject.active:
            what = ", ".join(sorted(suppression.codes)) or "all rules"
            yield Finding("SL001", subject.path, f"this `schoollint: ignore` ({what}) suppresses nothing",
                          line=suppression.line, field="inline suppression")


def _meant(words: list[str]) -> str:
    """"; did you mean 'SL302'?" for each word close to a rule's code or name (suggest.py)."""
    from ..catalogue import load
    from ..suggest import did_you_mean

    known = [word for rule in load().values() for word in (rule.code, rule.name)]
    return "".join(did_you_mean(word, known) for word in words)
