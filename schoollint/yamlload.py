"""YAML reading through libyaml's C parser when PyYAML was built with it (several times faster)."""

from __future__ import annotations


def safe_load(text: str):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
