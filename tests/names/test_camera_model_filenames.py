"""Camera, phone and software makers and model codes in file names are no person (trial 9 item 11):
ExifTool's sample "CasioQVCI.jpg" and "InfiRay.jpg" were reported as full names. A maker's name ("Casio",
"InfiRay" run together from two halves, "GoPro") or a model code of capitals run together with a
capitalised word ("QVCI") is no given name or surname; real names, one beside a maker's name and surnames
written in capitals ("MarieDUPONT"), are still reported. Through the command line, real JPEGs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schoollint.cli import main
from tests.names.kinds_kit import names_reported

DEVICES = ("images/CasioQVCI.jpg", "images/InfiRay.jpg", "images/NikonCoolpix_0012.jpg",
           "images/PanasonicLumix.jpg", "images/MinoltaDimage7i.jpg", "images/GoProHERO6.jpg",
           "images/DjiMavic.jpg", "images/CasioExilimEXZ3.jpg")
NAMES = {
    "images/RubyFrancis.jpg": "RubyFrancis",
    "images/ChiamakaOkonkwoEze.jpg": "ChiamakaOkonkwoEze",
    "images/MarieDUPONT.jpg": "MarieDUPONT",
    "images/NoahPATEL_Y6.jpg": "NoahPATEL",
    "images/SonyRubyFrancis.jpg": "RubyFrancis",
}
CORPUS = Path("/work/shared/corpus/exiftool")


def test_makers_and_model_codes_in_file_names_are_no_names(tmp_path):
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=DEVICES + tuple(NAMES))
    assert found == {path: {name} for path, name in NAMES.items()}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the sample corpus is not on this machine")
def test_the_corpus_camera_files_are_no_full_names(tmp_path, capsys):
    """The trial's own files, copied (checking writes a cache into the folder it checks)."""
    for name in ("CasioQVCI.jpg", "InfiRay.jpg"):
        shutil.copyfile(CORPUS / name, tmp_path / name)
    main(["check", "--select", "SL301", "--no-cache", str(tmp_path)])
    assert "SL301" not in capsys.readouterr().out
