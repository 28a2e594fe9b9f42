"""The fix stage: what a finding offers to change, and changing it without losing a file.

`model` holds the plain data (Fix, its Applicability, the Write and Rename
operations an applier returns, the Change a fix made); `appliers` maps each
fix action to the function that carries it out; `apply` runs them for one
file and replaces files atomically (or describes the change, for --diff).
"""
