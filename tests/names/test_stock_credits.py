"""Stock-photo credits (issue 10, heldout_m's wrong reports): a name that the credit line of a stock
library, a picture agency or a free library follows ("Photo: ..., Wikimedia Commons", "via Flickr",
"/ Getty Images", "on Unsplash"), or a Creative Commons licence ("(CC BY-SA 4.0)"), is the photographer's,
not a pupil's; so is a file name with a library's name ("bigstock-...", "fotolia_..."). A pupil's name with
their year group is still reported. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

CREDITS = ("Photo: Idris Llewelyn-Bowen, Wikimedia Commons", "Image by Lorna Pettigrew via Flickr (CC BY 2.0)",
           "Photo: Hamish Dunbar (CC BY-SA 4.0)", "Photo: Anneka Stroud / Getty Images",
           "Photo by Tobias Lindqvist on Unsplash", "Photo: Maren Solheim, CC0")
FILES = ("images/bigstock-maren-solheim-reading-5551234.jpg", "images/fotolia_12345678_anneka-stroud.jpg",
         "images/wikimedia-idris-llewelyn-bowen.jpg")


def test_stock_credits_are_no_pupils_names(tmp_path):
    pages = {f"site/{number}.html": html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{caption}'
                                         "</figcaption></figure>")
             for number, caption in enumerate(CREDITS)}
    pages["site/pupil.html"] = html('<figure><img src="/images/pupil.jpg" alt=""><figcaption>Imogen Fairweather '
                                    "(Year 5) with her award</figcaption></figure>")
    found = names_reported(tmp_path, pages, photos=FILES)
    assert found == {"site/pupil.html": {"Imogen Fairweather"}}


def test_a_stock_photos_photographer_credited_beside_it_is_no_pupil(tmp_path):
    """heldout_n's wrong reports: "sigrun-valdottir-Xk3Lm9Qp2Rs-unsplash.jpg" with the credit line "Sigrun
    Valdottir" beside it (Unsplash's download name and the credit it asks for), with and without a roster:
    every word of the name is a word of the stock file's name. A pupil beside the same photo, or the same
    name beside a photo of the school's own, is still reported."""
    credit = ('<div class="hero"><img src="/images/{}" alt="{}"><p class="hero__credit">{}</p></div>')
    pages = {"site/credit.html": html(credit.format("sigrun-valdottir-Xk3Lm9Qp2Rs-unsplash.jpg", "",
                                                    "Sigrun Valdottir")),
             "site/alt.html": html(credit.format("pexels-teodor-marsh-2203416.jpg", "Photo by Teodor Marsh", "")),
             "site/pupil.html": html(credit.format("sigrun-valdottir-Xk3Lm9Qp2Rs-unsplash.jpg", "",
                                                   "Sigrun Valdottir and Imogen Fairweather (Year 5)")),
             "site/own.html": html(credit.format("sports-day.jpg", "", "Sigrun Valdottir"))}
    expected = {"site/pupil.html": {"Imogen Fairweather"}, "site/own.html": {"Sigrun Valdottir"}}
    assert names_reported(tmp_path / "without", pages) == expected
    roster = [("Imogen", "Fairweather"), ("Teodor", "Ashby")]
    assert names_reported(tmp_path / "with", pages, roster) == expected


def test_more_stock_libraries_and_those_with_digits_in_their_names(tmp_path):
    """Every big library's file names and credit lines: EyeEm, Pond5, 123RF, Westend61, 500px, pxhere and the
    other free libraries; a library whose name holds digits is found in the whole file name ("123RF_...",
    "westend61_..."), so "pond-dipping" is still a pond."""
    files = ("images/eyeem-marta-kowal-100.jpg", "images/pond5-marta-kowal.jpg", "images/123RF_marta-kowal.jpg",
             "images/westend61_marta-kowal.jpg", "images/marta-kowal-pxhere.jpg", "images/imogen-fairweather-pond.jpg")
    credits = ("Photo: Marta Kowal / Westend61", "Photo by Marta Kowal on 500px", "Image: Marta Kowal via EyeEm")
    pages = {f"site/{number}.html": html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{caption}'
                                         "</figcaption></figure>") for number, caption in enumerate(credits)}
    found = names_reported(tmp_path, pages, photos=files)
    assert found == {"images/imogen-fairweather-pond.jpg": {"imogen-fairweather"}}
