"""schoollint: keep pupils' photos safe on school websites."""

__version__ = "0.1.0"
