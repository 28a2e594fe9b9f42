"""camelCase file names (issue 10, heldout_m's misses): words run together and each capitalised are
written as prose writes a name, so they are read as prose reads one: a rare English word is a surname
there ("ClementineHarrowby_Y8.jpg": Harrowby, "MarigoldPennington": Marigold is a flower too), a
double-barrelled given name counts ("EllaMaeRutherford.jpg"); not everyday words ("SportsDayRelay.jpg")
nor two given names ("HeatherPoppy.jpg": two children). Through the command line, real JPEGs, without a
roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

NAMES = {
    "images/ClementineHarrowby_Y8.jpg": "ClementineHarrowby",
    "images/EllaMaeRutherford.jpg": "EllaMaeRutherford",
    "images/leavers/SaoirseMcAllister.jpg": "SaoirseMcAllister",
}
NOT_NAMES = ("images/SportsDayRelay.jpg", "images/HeatherPoppy.jpg", "images/ChristmasFair2024.jpg")


def test_camelcase_file_names_are_read_as_prose_reads_names(tmp_path):
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=tuple(NAMES) + NOT_NAMES)
    assert found == {path: {name} for path, name in NAMES.items()}


def test_a_second_surname_run_on_in_camel_case_is_the_names(tmp_path):
    """heldout_n's miss: "AdaezeOkaforNwosu.jpg" is Adaeze Okafor-Nwosu, a double-barrelled surname run on
    with a capital, not "AdaezeOkafor" and a word."""
    photos = ("images/AdaezeOkaforNwosu.jpg", "images/ZofiaNowakKowalska_Y6.jpg")
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=photos)
    assert found == {"images/AdaezeOkaforNwosu.jpg": {"AdaezeOkaforNwosu"},
                     "images/ZofiaNowakKowalska_Y6.jpg": {"ZofiaNowakKowalska"}}
