"""Checks: one small module per rule family.

A check module defines:

    CODES = ("SL201",)          # the rules it implements (words live in rules/)
    TARGET = "media"            # "media", "page" or "path"
    def check(subject, ctx) -> Iterator[Problem]

`subject` is a MediaSubject, PageSubject or PathSubject; `ctx.options(code)`
gives the rule's options for this file (catalogue defaults, then the config,
then per-path overrides). A check never opens a file and never knows how its
findings are reported or how severe they are.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Mapping

MODULES = (
    "unreadable",
    "unreadable_page",
    "oversized",
    "metadata",
    "heic",
    "filenames",
    "alt_text",
    "captions",
    "name_in_picture",
    "close_up_of_one_person",
    "face_too_detailed",
)

TARGETS = ("path", "media", "page")


@dataclass(frozen=True)
class PathSubject:
    path: str


@dataclass(frozen=True)
class MediaSubject:
    path: str
    facts: Any | None          # schoollint.formats.MediaFacts, None when unreadable
    error: str | None = None   # why the file could not be read
    picture: Any | None = None  # schoollint.vision.Picture, when vision looked at the pixels


@dataclass(frozen=True)
class PageSubject:
    path: str
    page: Any                  # schoollint.pages.Page, None when unreadable
    error: str | None = None   # why the page could not be read


@dataclass
class Context:
    """What a check may know about the run besides its subject."""

    root: Path
    rule_options: Mapping[str, Mapping[str, Any]]
    settings: Mapping[str, Any] = field(default_factory=dict)  # global config: roster, staff...

    def options(self, code: str) -> Mapping[str, Any]:
        return self.rule_options.get(code, {})


def modules() -> list[ModuleType]:
    """Every check module, in catalogue order."""
    return [importlib.import_module(f"{__name__}.{name}") for name in MODULES]
