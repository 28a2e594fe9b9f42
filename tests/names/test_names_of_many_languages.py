"""The given names and surname forms of the languages UK schools' pupils come from (issue 10, session 10's brief:
is each covered by the lists, tools/build_name_data.py?): Irish and Scottish Gaelic, French, Spanish, romanised
Arabic and Hindi, Chinese pinyin (either order), Lithuanian, Tagalog, Twi and Igbo; and the forms team sheets and
captions write them in: ALL CAPS, an age after the name, hyphenated given names. One caption per language,
through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = {
    "Irish": ("Well done Caoimhín Ó Murchú and Saoirse Nic Giolla Phádraig", {"Caoimhín Ó Murchú",
                                                                           "Saoirse Nic Giolla Phádraig"}),
    "Scottish Gaelic": ("Well done Mòrag NicIlleathain and Ruairidh MacAoidh", {"Mòrag NicIlleathain",
                                                                               "Ruairidh MacAoidh"}),
    "French": ("Bravo Léa Dubois-Martin et Théo Lefèvre", {"Léa Dubois-Martin", "Théo Lefèvre"}),
    "Spanish": ("Well done Alejandro Fernández López", {"Alejandro Fernández López"}),
    "romanised Arabic": ("Well done Yousef Al-Khatib and Rania Haddad", {"Yousef Al-Khatib", "Rania Haddad"}),
    "Hindi": ("Well done Vihaan Kulkarni and Diya Chatterjee", {"Vihaan Kulkarni", "Diya Chatterjee"}),
    "pinyin": ("Well done Chen Jiahui and Zhang Yutong", {"Chen Jiahui", "Zhang Yutong"}),
    "Lithuanian": ("Well done Gabija Petrauskaitė and Dominykas Žukauskas", {"Gabija Petrauskaitė",
                                                                           "Dominykas Žukauskas"}),
    "Tagalog": ("Well done Maricel Dela Cruz and Jericho Bautista", {"Maricel Dela Cruz", "Jericho Bautista"}),
    "Twi": ("Well done Yaa Asantewaa and Kwabena Boakye", {"Yaa Asantewaa", "Kwabena Boakye"}),
    "Igbo": ("Well done Chukwuemeka Nwosu and Obiageli Okafor", {"Chukwuemeka Nwosu", "Obiageli Okafor"}),
    "ALL CAPS": ("UNDER 11s: JAMES OKONKWO, AMELIA WATSON", {"JAMES OKONKWO", "AMELIA WATSON"}),
    "ages": ("Tom Reed, 9, and Ava Lindqvist (10) won the relay", {"Tom Reed", "Ava Lindqvist"}),
    "hyphenated given names": ("Well done Anne-Marie Kovacs and Jean-Luc Moreau", {"Anne-Marie Kovacs",
                                                                                  "Jean-Luc Moreau"}),
}


def test_names_of_many_languages(tmp_path):
    pages = figure_pages(caption for caption, _ in CAPTIONS.values())
    assert names_reported(tmp_path, pages) == {f"site/{number}.html": names
                                               for number, (_, names) in enumerate(CAPTIONS.values())}
