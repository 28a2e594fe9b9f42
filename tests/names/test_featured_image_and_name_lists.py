"""Issue 10, session 4: a post's featured image and the text a theme shows beside it; given names and
surnames the lists lacked (tools/name_supplement.py); a roster name counts wherever it sits beside a photo.

Through the command line on small real sites (pages, real JPEGs, a roster shaped like an MIS export),
except the word-list tests, which read the finder and the committed data files directly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from schoollint.names import NameFinder
from schoollint.names.words import lexicon, plain
from tests.names.test_fresh_eyes_kinds import lint

ROOT = Path(__file__).resolve().parents[2]
ROSTER = ("UPN,Legal Surname,Legal Forename,Preferred Forename,Reg Group\n"
          "A1,Quillfeather,Zorbek,Zorbek,5B\nA2,Thornbury-Vale,Ottoline,Otty,6A\n")


def with_roster(root: Path, files: dict[str, str], roster_text: str = ROSTER) -> list[tuple[str, str, int, str]]:
    """`lint` with a roster of `roster_text` (a CSV with a header row) beside the site."""
    roster = root.parent / f"{root.name}-roster.csv"
    roster.write_text(roster_text, encoding="utf-8")
    return lint(root, files, "--roster", str(roster))


# --- front-matter featured image keys and the body text near it ------------------------------------------

@pytest.mark.parametrize("front", [
    "cover_image: /images/a.jpg",
    'thumbnail: "/images/a.jpg"',
    "hero:\n  image: /images/a.jpg\n  alt: Sports hall",
    "og_picture: /images/a.jpg",                 # any top-level key holding one picture
])
def test_front_matter_featured_image_goes_with_the_opening_paragraph(tmp_path, front):
    post = f"---\ntitle: Reading champion\n{front}\n---\nThis term's reading champion is Heledd Beynon.\n\nMore news.\n"
    found = lint(tmp_path / "s", {"content/post.md": post})
    line = post.split("\n").index("This term's reading champion is Heledd Beynon.") + 1
    assert found == [("SL303", "content/post.md", line, "Heledd Beynon")]


def test_front_matter_featured_image_in_toml_goes_with_the_opening_paragraph(tmp_path):
    post = '+++\ntitle = "Cross country"\nfeatured = "/images/a.jpg"\n+++\n\nCaoimhe Brennan came first.\n'
    assert lint(tmp_path / "s", {"content/post.md": post}) == [("SL303", "content/post.md", 6, "Caoimhe Brennan")]


@pytest.mark.parametrize("key", ["summary", "description", "excerpt"])
def test_front_matter_summary_keys_go_with_the_featured_image(tmp_path, key):
    post = f"---\ntitle: Awards\nfeatured_image: /images/a.jpg\n{key}: Eilidh Matheson takes the top award\n---\nText\n"
    assert lint(tmp_path / "s", {"content/post.md": post}) == [("SL303", "content/post.md", 4, "Eilidh Matheson")]


def test_front_matter_opening_paragraph_after_a_body_picture_is_that_pictures_caption(tmp_path):
    post = "---\ntitle: Gala\nimage: /images/a.jpg\n---\n![](/images/b.jpg)\n\nTemitope Akinola swam the relay.\n"
    found = lint(tmp_path / "s", {"content/post.md": post})
    assert found == [("SL303", "content/post.md", 7, "Temitope Akinola")]      # once: for b.jpg only


def test_front_matter_gallery_list_does_not_take_the_opening_paragraph(tmp_path):
    post = "---\ntitle: Gala\ngallery:\n  - /images/a.jpg\n  - /images/b.jpg\n---\nHanh Nguyen opened the gala.\n"
    assert lint(tmp_path / "s", {"content/post.md": post}) == []


def test_front_matter_featured_image_with_first_names_only_is_no_finding(tmp_path):
    post = "---\nimage: /images/a.jpg\nsummary: Cerys, Gethin and Osian\n---\nWell done Ffion and Tadhg!\n"
    assert lint(tmp_path / "s", {"content/post.md": post}) == []


def test_roster_name_beside_a_featured_image_counts_wherever_it_appears(tmp_path):
    """Names no list knows ("Zorbek Quillfeather"), and a preferred name: found only through the roster."""
    files = {
        "content/a.md": "---\ncover: /images/a.jpg\n---\nwell done zorbek quillfeather!\n",
        "content/b.md": "---\nthumbnail: /images/b.jpg\nexcerpt: Otty Thornbury-Vale reads her poem\n---\nText.\n",
        "content/c.md": "---\nimage: /images/c.jpg\n---\nQuillfeather, Zorbek (5B) - attendance award\n",
    }
    reversed_with_class = ("SL303", "content/c.md", 4, "Quillfeather, Zorbek")     # the heuristic reads this form
    assert lint(tmp_path / "plain", files) == [reversed_with_class]
    assert with_roster(tmp_path / "r", files) == [("SL303", "content/a.md", 4, "zorbek quillfeather"),
                                                  ("SL303", "content/b.md", 3, "Otty Thornbury-Vale"),
                                                  reversed_with_class]


# --- given names and surnames the lists lacked: tools/name_supplement.py ----------------------------------

SUPPLEMENT_PAIRS = {                # origin: a given name and a surname of the supplement, as written
    "welsh": ("Heledd", "Beynon"), "irish": ("Caoimhe", "Brennan"), "scottish-gaelic": ("Eilidh", "Matheson"),
    "polish": ("Jagoda", "Nowak"), "turkish": ("Ecem", "Korkmaz"), "yoruba": ("Babajide", "Olatunji"),
    "igbo": ("Chinonso", "Okeke"), "akan": ("Efua", "Mensah"), "vietnamese": ("Hanh", "Nguyen"),
    "urdu-punjabi": ("Zeeshan", "Nawaz"), "bengali": ("Tahmina", "Begum"), "somali": ("Hibaq", "Warsame"),
    "nepali": ("Sujan", "Gurung"), "ukrainian": ("Taras", "Kovalenko"), "albanian": ("Drilon", "Krasniqi"),
}


@pytest.mark.parametrize("origin", sorted(SUPPLEMENT_PAIRS))
def test_given_names_of_many_origins_in_lower_case_alt_text_and_file_names(origin):
    """Lower-case text and file names need both names in the lists (no capital letters to go by)."""
    first, last = SUPPLEMENT_PAIRS[origin]
    finder = NameFinder()
    assert [m.text for m in finder.in_text(f"{first} {last} at sports day".lower())] == [f"{first} {last}".lower()]
    slug = f"{plain(first)}-{plain(last)}"
    assert [m.text for m in finder.in_filename(f"{slug}.jpg")] == [slug]
    assert [m.text for m in finder.in_filename(f"{plain(first)}{plain(last)}2.jpg")] == [plain(first + last)]


def test_given_names_of_many_origins_alone_are_first_names_only():
    finder = NameFinder()
    assert finder.in_text("Heledd, Caoimhe and Eilidh at the farm") == []
    assert finder.in_filename("babajide-hibaq-drilon.jpg") == []


def test_given_names_supplement_is_in_the_committed_lists():
    """tools/build_name_data.py --supplement was run: every supplement name that is not a common English
    word is a given name or surname to the finder, and none of them is a common word any more."""
    sys.path.insert(0, str(ROOT))
    from tools import name_supplement

    lex = lexicon()
    given = {plain(name) for name in name_supplement.names(name_supplement.GIVEN)}
    surnames = {plain(name) for name in name_supplement.names(name_supplement.SURNAMES)}
    assert not (given - lex.given) - {"loan", "mali", "mats"}        # common English words, left out
    assert surnames <= lex.surnames
    assert not (given & lex.given) & lex.not_surname - lex.word_surnames
    header = (ROOT / "schoollint/names/data/given_names.txt").read_text(encoding="utf-8")[:2000]
    assert "tools/name_supplement.py" in header
