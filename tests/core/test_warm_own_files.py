"""site_facts.OWN_FILES writes schoollint's own review log's name out rather than importing review.py
(and datetime) on every run that judges a file (issue 18): the two must stay the same name."""

from __future__ import annotations

import subprocess
import sys

from schoollint import review, site_facts


def test_own_files_name_the_review_log_review_writes():
    assert review.REVIEW_LOG in site_facts.OWN_FILES


def test_judging_a_photo_imports_no_review_module(tmp_path):
    """A photo's analysis asks site_facts whether the file is a page; that costs no review or datetime import."""
    from PIL import Image

    Image.new("RGB", (8, 8)).save(tmp_path / "photo.jpg")
    code = ("import sys; from schoollint.cli import main; main(['check', '--no-cache', '--no-vision', 'photo.jpg']); "
            "print(sorted(name for name in ('schoollint.review', 'datetime') if name in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert shown.stdout.strip().splitlines()[-1] == "[]", shown.stdout + shown.stderr
