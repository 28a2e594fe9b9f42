"""Trial 9 item 7, the audit report a safeguarding lead reads: the "What this audit did not check" box was
command-line instructions (now plain words, the instructions a second line for the technician); the
guidance column gave "Ensure Image Metadata is Removed" for a filled-in form (SL110: data protection and
consent); and choir.jpg's card showed an SL303 finding about harvey-lewis.jpg, whose next paragraph is the
one before choir.jpg (a line two photos share: a finding that names its photo goes on that photo's card)."""

from __future__ import annotations

import io
import json
import re

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from tests.audit.sites import clean_jpeg, write
from tests.kit.git import commit_all

POST = ("# Sports day\n\nWhat a day!\n\n![Crossing the line](images/runner.jpg)\n\n"
        "Well done to Harvey Lewis and Poppy Sharma for their medals.\n\n![The choir](images/choir.jpg)\n")


def _filled_form() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0].obj
    child = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Widget, Rect=[72, 760, 300, 780], P=page,
                                         FT=Name.Tx, T=String("child_name"), V=String("Poppy Sharma")))
    page.Annots = Array([child])
    pdf.Root.AcroForm = Dictionary(Fields=Array([child]))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _site(repo):
    write(repo, "images/runner.jpg", clean_jpeg())
    write(repo, "images/choir.jpg", clean_jpeg(colour="teal"))
    write(repo, "index.md", POST)
    write(repo, "docs/trip-form.pdf", _filled_form())
    commit_all(repo, "site")


def test_a_finding_on_a_line_two_photos_share_is_on_its_own_photos_card(repo, cli):
    _site(repo)
    code, out, err = cli("audit", "--format", "json", "--no-cache", "--no-thumbnails", "--no-vision")
    cards = {photo["path"]: {f["code"] for f in photo["findings"]} for photo in json.loads(out)["photos"]}
    assert "SL303" in cards["images/runner.jpg"] and "SL303" not in cards["images/choir.jpg"]


def test_the_box_and_the_guidance_column_in_plain_words(repo, cli):
    _site(repo)
    target = repo.parent / "audit.html"
    code, out, err = cli("audit", "--no-cache", "--no-thumbnails", "--no-vision", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    box = html[html.index('id="not-judged"'):html.index("</section>", html.index('id="not-judged"'))]
    (item,) = re.findall(r"<li>(.*?)</li>", box, re.DOTALL)
    plain, _, technician = item.partition('<span class="how">')
    assert "photo consent" in plain and "--roster" not in plain and "SCHOOLLINT_ROSTER_KEY" not in plain
    assert "For the technician:" in technician and "--roster FILE" in technician
    row = next(row for row in re.findall(r"<tr.*?</tr>", html, re.DOTALL) if "SL110" in row)
    assert "Follow Established Image Use Policies" in row and "Metadata" not in row
