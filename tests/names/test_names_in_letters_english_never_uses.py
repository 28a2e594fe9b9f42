"""Names the lists lack, told by their letters (issue 10, heldout_m's misses): a word written with letters
only Vietnamese uses is no English word, however short ("Thảo Lý": not "ly"; "Diệp"-style given names
no list holds); a given name the lists leave out as an everyday English word is one before a surname
written with letters English never uses ("Per Øberg", "Mats Öhlschläger"); Māori "Te" and Spanish "de las"
belong to the surname after them ("Aroha Te Kanawa", "Ximena de las Heras"); a file name run together in
Vietnamese letters is a given name the lists may lack and a known surname ("quyênđặng.jpg"), where German
words run together are not ("grünerbaum.jpg"). Not "Mats Collection" nor "Sky Sports". Through the command
line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import names_reported

CAPTIONS = {"Well done Thảo Lý from Year 5": "Thảo Lý", "Ngọc Ánh Huỳnh won the spelling bee": "Ngọc Ánh Huỳnh",
            "Per Øberg is one of sixty pupils invited": "Per Øberg",
            "Mats Öhlschläger, our new head boy": "Mats Öhlschläger",
            "The flute solo by Aroha Te Kanawa of Year 8": "Aroha Te Kanawa",
            "Ximena de las Heras receiving the Endeavour Award": "Ximena de las Heras"}
NOT_NAMES = ("The Mats Collection in the hall", "Sky Sports came to film the final")


def test_names_told_by_their_letters_and_particles(tmp_path):
    pages = {f"content/{number}.md": f"![](/images/{number}.jpg)\n\n{caption}\n"
             for number, caption in enumerate((*CAPTIONS, *NOT_NAMES))}
    found = names_reported(tmp_path, pages, photos=("images/quyênđặng.jpg", "images/grünerbaum.jpg"))
    assert found == {f"content/{number}.md": {name} for number, name in enumerate(CAPTIONS.values())} \
        | {"images/quyênđặng.jpg": {"quyênđặng"}}
