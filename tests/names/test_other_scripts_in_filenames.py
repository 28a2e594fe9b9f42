"""File names in a script the name finder cannot read (session 8's known gap): "Дмитрий-Иванов.jpg" was read
as two words no list knows, a full name, while the same words in an alt text are unknown (the finder reads
Latin script only: pages/unread_scripts.py). Now a file name's words in another script are no name either
way, as in text; the Latin words beside them are still read ("amelia-watson-Дмитрий.jpg"). Arabic script is
read since session 10 (names/arabic_script.py): "محمد-علي.jpg", a given name and a father's name, is a full
name, as "محمد علي" in a caption is. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

OTHER_SCRIPTS = ("images/Дмитрий-Иванов.jpg", "images/Γιώργος-Παπαδόπουλος.jpg", "images/محمد-علي.jpg",
                 "images/王小明-李.jpg", "images/Ольга/photo-1.jpg")


def test_words_in_other_scripts_are_no_full_name_in_a_file_name(tmp_path):
    photos = (*OTHER_SCRIPTS, "images/imogen-fairweather-Дмитрий.jpg", "images/diệp-tạ.jpg")
    found = names_reported(tmp_path, {"index.md": "# Gallery\n"}, photos=photos)
    assert found == {"images/imogen-fairweather-Дмитрий.jpg": {"imogen-fairweather"},
                     "images/diệp-tạ.jpg": {"diệp-tạ"}, "images/محمد-علي.jpg": {"محمد-علي"}}
