"""Trial 8 item 10: Welsh given-name sequences ("Elin Haf Roberts": two given names and a surname), Irish phrases
that end in a first name ("Comhghairdeas le Saoirse") read as no name, and texts in a script the finder cannot
read (Arabic, Urdu) counted as not checked in the run's note rather than passed as clean. Through the command
line on real pages and JPEGs."""

from __future__ import annotations

import json

from schoollint.cli import main
from tests.kit.images import encode, photo
from tests.names.test_issue10_kinds import html, lint, names


def test_two_welsh_given_names_and_a_surname_are_one_full_name(tmp_path):
    found = lint(tmp_path / "s", {
        "cy.html": html('<figure><img src="/images/a.jpg" alt="Gwobr"><figcaption>Llongyfarchiadau i Elin Haf '
                        'Roberts, Blwyddyn 6</figcaption></figure>', "cy"),
        "en.html": html('<figure><img src="/images/b.jpg" alt="Prize"><figcaption>Well done to Elin Haf Roberts and '
                        'Mali Haf Jones</figcaption></figure>\n<p><img src="/images/c.jpg" alt="Rhys Wyn Jones with '
                        'the cup"></p>'),
    })
    assert names(found) == {"Elin Haf Roberts", "Mali Haf Jones", "Rhys Wyn Jones"}


def test_welsh_given_names_in_a_file_name(tmp_path):
    root = tmp_path / "s"
    (root / "img").mkdir(parents=True)
    for name in ("elin-haf-roberts.jpg", "elin-haf.jpg"):
        (root / "img" / name).write_bytes(encode(photo(), "JPEG"))
    found = lint(root, {})
    assert {(code, value) for code, _path, value in found} == {("SL301", "elin-haf-roberts")}


def test_an_irish_phrase_ending_in_a_first_name_is_no_full_name(tmp_path):
    found = lint(tmp_path / "s", {"en.html": html(
        '<figure><img src="/images/a.jpg" alt="x"><figcaption>Comhghairdeas le Saoirse</figcaption></figure>\n'
        '<figure><img src="/images/b.jpg" alt="x"><figcaption>Bualadh bos do Niamh</figcaption></figure>\n'
        '<figure><img src="/images/c.jpg" alt="x"><figcaption>Well done Róisín Ní Bhriain and Pádraig Ó '
        'Súilleabháin</figcaption></figure>')})
    assert names(found) == {"Róisín Ní Bhriain", "Pádraig Ó Súilleabháin"}


def test_text_in_a_script_the_finder_cannot_read_is_counted_as_not_checked(tmp_path):
    root = tmp_path / "s"
    (root / "img").mkdir(parents=True)
    (root / "img/a.jpg").write_bytes(encode(photo(), "JPEG"))
    (root / "index.html").write_text(html(
        '<figure><img src="img/a.jpg" alt="عائشة صديقي">'
        '<figcaption lang="ar">مبروك لمحمد الأحمد</figcaption></figure>\n'
        '<figure><img src="img/a.jpg" alt="Eid"><figcaption lang="ur">عید مبارک! Ayesha Siddiqui کو انعام ملا'
        '</figcaption></figure>\n<p><img src="img/a.jpg" alt="Ελένη 🎉 and Zoë’s prize, № 5"></p>'), encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["check", str(root), "--select", "SL3", "--output-format", "json", "--show-values", "-o", str(out),
                 "--no-cache", "--exit-zero", "--no-progress", "-q"]) == 0
    report = json.loads(out.read_text())
    # Arabic script is read since session 10 (names/arabic_script.py): the alt's "عائشة صديقي" and the
    # caption's "(لـ)محمد الأحمد" ("to" Muhammad al-Ahmad) are full names
    assert [f["value"] for f in report["findings"]] == ["عائشة صديقي", "محمد الأحمد", "Ayesha Siddiqui"]
    # the Arabic alt and caption and the Urdu caption are read now; the Greek alt is the one unread text
    assert any(note["text"].startswith("1 alt text or caption in 1 page") and "written in a script it cannot read"
               in note["text"] for note in report["notes"])


def test_irish_surnames_with_the_article_and_a_mutated_initial(tmp_path):
    root = tmp_path / "s"
    (root / "img").mkdir(parents=True)
    for name in ("siobhan-nic-an-tsaoir.jpg", "Seán Mac an tSaoi.jpg", "mac-an-cheese.jpg"):
        (root / "img" / name).write_bytes(encode(photo(), "JPEG"))
    found = lint(root, {
        "en.html": html('<figure><img src="/images/a.jpg" alt="x"><figcaption>Bualadh bos do Niamh Nic an tSaoir'
                        '</figcaption></figure>\n<p><img src="/images/b.jpg" alt="Seán Mac an Bhaird at the feis">'
                        '</p>\n<p><img src="/images/c.jpg" alt="Well done Aoibhe Ní hÉalaí"></p>'),
        "pages/index.vue": '<template>\n  <NuxtImg src="/images/d.jpg" alt="Siobhán Nic an tSaoir" />\n</template>\n',
    })
    assert names(found) == {"Niamh Nic an tSaoir", "Seán Mac an Bhaird", "Aoibhe Ní hÉalaí", "Siobhán Nic an tSaoir",
                            "siobhan-nic-an-tsaoir", "Seán Mac an tSaoi"}
