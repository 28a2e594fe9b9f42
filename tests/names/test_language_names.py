"""A language's name is no person's (session 8's known wrong report): "Te Reo Māori" (the Māori language:
"Te" is a Māori particle and "Reo" a given name elsewhere) was read as "Reo Māori"; so could "Bahasa Melayu"
or "Tok Pisin". A pupil with the Māori particle in their surname is still reported. Through the command
line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

LANGUAGES = ("Our Te Reo Māori group sang at assembly", "Kapa haka and Te Reo Maori week",
             "Saturday classes in Bahasa Melayu", "Tok Pisin songs from Papua New Guinea")


def test_a_languages_name_is_no_persons(tmp_path):
    figure = '<figure><img src="/images/{}.jpg" alt=""><figcaption>{}</figcaption></figure>'
    pages = {f"site/{number}.html": html(figure.format(number, text)) for number, text in enumerate(LANGUAGES)}
    pages["site/pupil.html"] = html(figure.format("pupil", "Ka pai Manaia Te Whata (6B) on your haka"))
    assert names_reported(tmp_path, pages) == {"site/pupil.html": {"Manaia Te Whata"}}
