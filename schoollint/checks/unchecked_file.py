"""SL107: image, video and document files in a format no reader here judges (formats/unsupported.py)."""

from ..finding import Finding

CODES = ("SL107",)
READS = "media"


def check(subject, ctx):
    if subject.facts is not None and subject.facts.unchecked:
        yield Finding("SL107", subject.path, f"not checked: {subject.facts.unchecked}", field="file format")
