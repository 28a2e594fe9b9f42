"""Rewrite the rule table in README.md from rules/*.yaml (tests/core/test_readme.py checks it)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from schoollint import catalogue
from schoollint.explain import markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)", re.DOTALL)


def synced(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + markdown_table(catalogue.load().values()) + m.group(2), text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    README.write_text(synced(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
