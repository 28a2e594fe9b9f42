"""SL601-SL603 for people a photo's own metadata names (XMP PersonInImage, MWG and Microsoft face
regions, Google Takeout people), through the command line, on the fixture school site
(tests/kit/school_site.py) and its MIS-shaped roster; with a hashed roster, from a warm cache, on
another day, and after `--fix` strips the names. Also SL501/SL502 for a photo given the first name
of a pupil without website consent."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from tests.kit.chunks import itxt_chunk, png_insert
from tests.kit.images import encode, gradient
from tests.kit.jpeg import XMP_SIGNATURE, segment, with_segments
from tests.kit.metadata import xmp_packet
from tests.kit.school_site import PEOPLE, build_school_site

CONSENT_RULES = ("SL601", "SL602", "SL603")
KEY = "a-long-secret-key-from-the-ci-settings"
STRIPPED = "this run's fix removed the name from the file, but the photo still shows the person"


def person_in_image(name: str) -> str:
    return f"<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{name}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>"


def mwg_region(name: str) -> str:
    """A face region as Lightroom and digiKam write it (Metadata Working Group Guidelines 2.0, 5.9)."""
    return ('<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag><rdf:li><rdf:Description '
            f'mwg-rs:Name="{name}" mwg-rs:Type="Face"><mwg-rs:Area stArea:x="0.5" stArea:y="0.4" stArea:w="0.2" '
            'stArea:h="0.3" stArea:unit="normalized"/></rdf:Description></rdf:li></rdf:Bag></mwg-rs:RegionList>'
            "</mwg-rs:Regions>")


def mp_region(name: str) -> str:
    """A face region as Windows Photo Gallery writes it (Microsoft People Tagging schema)."""
    return ('<MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag><rdf:li rdf:parseType="Resource">'
            f"<MPReg:Rectangle>0.1, 0.1, 0.3, 0.4</MPReg:Rectangle><MPReg:PersonDisplayName>{name}"
            "</MPReg:PersonDisplayName></rdf:li></rdf:Bag></MPRI:Regions></MP:RegionInfo>")


def jpeg_naming(*bodies: str) -> bytes:
    """A real JPEG (Pillow) with one XMP packet in APP1 holding `bodies`."""
    packet = xmp_packet("".join(bodies))
    return with_segments(encode(gradient(), "JPEG", quality=90), segment(0xE1, XMP_SIGNATURE + packet))


def png_naming(*bodies: str) -> bytes:
    """A real PNG (Pillow) with the XMP packet in an iTXt chunk "XML:com.adobe.xmp" (XMP Part 3, 1.1.5)."""
    return png_insert(encode(gradient(), "PNG"), "after", b"IHDR",
                      itxt_chunk("XML:com.adobe.xmp", xmp_packet("".join(bodies))))


def takeout(name: str) -> bytes:
    """A Google Takeout sidecar with a tagged face."""
    return json.dumps({"title": "IMG_0042.jpg", "description": "", "people": [{"name": name}],
                       "photoTakenTime": {"timestamp": "1717236000"}}, indent=2).encode()


# photo -> (its bytes, the SL601-SL603 findings at it: (code, severity, value, field)), for PEOPLE.
CASES = {
    "photos/finish.jpg": (jpeg_naming(person_in_image("Rowan Hughes")),
                          [("SL601", "error", "Rowan Hughes", "XMP PersonInImage")]),
    "photos/first-name.jpg": (jpeg_naming(person_in_image("Rowan")),
                              [("SL601", "error", "Rowan", "XMP PersonInImage")]),
    "photos/netball.jpg": (jpeg_naming(mwg_region("Amara Osei")),
                           [("SL601", "error", "Amara Osei", "XMP face region name")]),
    "photos/art.png": (png_naming(mp_region("Priya Nair")),
                       [("SL601", "error", "Priya Nair", "XMP Microsoft face region name")]),
    "photos/choir.jpg": (jpeg_naming(person_in_image("Isla Brennan")),
                         [("SL602", "warning", "Isla Brennan", "XMP PersonInImage")]),
    "photos/leavers.jpg": (jpeg_naming(mwg_region("Theo")), [("SL603", "warning", "Theo", "XMP face region name")]),
    "photos/staff.jpg": (jpeg_naming(person_in_image("Grace Okafor"), person_in_image("Harriet Lowe")),
                         [("SL601", "error", "Grace Okafor", "XMP PersonInImage"),
                          ("SL603", "warning", "Harriet Lowe", "XMP PersonInImage")]),
    "photos/ellis.jpg": (jpeg_naming(person_in_image("Ellis")), [("SL601", "warning", "Ellis", "XMP PersonInImage")]),
    "photos/ellis-5b.jpg": (jpeg_naming(person_in_image("Ellis (5B)")),
                            [("SL601", "error", "Ellis (5B)", "XMP PersonInImage")]),
    "photos/initial.jpg": (jpeg_naming(person_in_image("Rowan H")),
                           [("SL601", "error", "Rowan H", "XMP PersonInImage")]),
    "photos/reversed.jpg": (jpeg_naming(person_in_image("Hughes, Rowan")),
                            [("SL601", "error", "Hughes, Rowan", "XMP PersonInImage")]),
    "photos/ellis-year-5.jpg": (jpeg_naming(mwg_region("Ellis, Year 5")),
                                [("SL601", "error", "Ellis, Year 5", "XMP face region name")]),
    # Lightroom writes the same person twice: one finding, naming both fields
    "photos/lightroom.jpg": (jpeg_naming(person_in_image("Rowan Hughes"), mwg_region("Rowan Hughes")),
                             [("SL601", "error", "Rowan Hughes", "XMP PersonInImage, XMP face region name")]),
    "photos/IMG_0042.jpg.json": (takeout("Amara Osei"), [("SL601", "error", "Amara Osei", "Google Takeout people")]),
    # consent stands; someone else who shares a first name; nobody on the roster
    "photos/maya.jpg": (jpeg_naming(person_in_image("Maya Clarke")), []),
    "photos/comedian.jpg": (jpeg_naming(person_in_image("Rowan Atkinson")), []),
    "photos/visitor.jpg": (jpeg_naming(mwg_region("Jane Visitor")), []),
}


@pytest.fixture
def site(repo, monkeypatch):
    monkeypatch.delenv("SCHOOLLINT_ROSTER_KEY", raising=False)
    built = build_school_site(repo)
    for relpath, (data, _expected) in CASES.items():
        built._write_bytes(relpath, data)
    built.commit("photos named in their metadata")
    return built


def run(cli, *args: str, select: str = "SL104,SL601,SL602,SL603") -> tuple[int, list[dict], str]:
    code, out, err = cli("check", "--no-vision", "--output-format", "json", "--select", select, *args)
    assert "Traceback" not in err and "internal error" not in err, err
    return code, json.loads(out)["findings"], err


def at_photos(found: list[dict]) -> dict[str, list[tuple]]:
    photos: dict[str, list] = {}
    for finding in found:
        if finding["code"] in CONSENT_RULES and finding["path"].startswith("photos/"):
            photos.setdefault(finding["path"], []).append((finding["code"], finding["severity"], finding.get("value"),
                                                           finding["field"]))
    return {path: sorted(rows) for path, rows in photos.items()}


EXPECTED = {path: sorted(rows) for path, (_data, rows) in CASES.items() if rows}


@pytest.mark.parametrize("select", ["SL104,SL601,SL602,SL603", "SL601,SL602,SL603"])
def test_each_consent_state_is_found_in_each_kind_of_people_metadata(site, cli, select):
    """SL104 running or not (then every media file of the run is read for names)."""
    code, found, _err = run(cli, "--no-cache", "--show-values", "--roster", str(site.roster), "photos", select=select)
    assert code == 1
    assert at_photos(found) == EXPECTED
    assert all(f["line"] is None for f in found if f["code"] in CONSENT_RULES)


def newsletter_naming(*bodies: str) -> bytes:
    """A one-page PDF (pikepdf) showing a JPEG whose XMP holds `bodies`, as Word exports a newsletter."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    picture = pikepdf.Stream(pdf, jpeg_naming(*bodies), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                             Width=64, Height=48, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
                             Filter=pikepdf.Name.DCTDecode)
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary({"/Im0": picture})),
        Contents=pikepdf.Stream(pdf, b"q 128 0 0 96 72 600 cm /Im0 Do Q"))))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_picture_in_a_pdf_newsletter_whose_metadata_names_pupils(site, cli):
    site._write_bytes("docs/newsletter.pdf", newsletter_naming(person_in_image("Rowan Hughes"),
                                                               person_in_image("Theo Marsh")))
    _code, found, _err = run(cli, "--no-cache", "--show-values", "--roster", str(site.roster), "docs")
    field = "embedded image 1 on page 1: XMP PersonInImage"
    assert sorted((f["code"], f["value"], f["field"]) for f in found if f["code"] in CONSENT_RULES) == [
        ("SL601", "Rowan Hughes", field), ("SL603", "Theo Marsh", field)]


def test_messages_say_which_field_and_why_and_never_name_anyone(site, cli):
    _code, found, _err = run(cli, "--no-cache", "--roster", str(site.roster), "photos")
    messages = {(f["path"], f["code"]): f["message"] for f in found}
    assert messages["photos/finish.jpg", "SL601"] == ("its metadata (XMP PersonInImage) names a pupil whose "
                                                     "website consent is refused, though given for print")
    assert messages["photos/first-name.jpg", "SL601"] == ("its metadata (XMP PersonInImage) gives the first name "
                                                         "of a pupil whose website consent is refused, though "
                                                         "given for print")
    assert messages["photos/ellis.jpg", "SL601"].endswith("gives a first name that 3 pupils on the roster share: "
                                                          "one of them has no website consent (withdrawn)")
    assert messages["photos/choir.jpg", "SL602"].endswith("names a pupil whose website consent ends in 10 days")
    assert messages["photos/staff.jpg", "SL601"].endswith("names a member of staff whose website consent is refused")
    assert messages["photos/staff.jpg", "SL603"].endswith("names a member of staff who left the school more than "
                                                          "90 days ago")
    words = {word for row in PEOPLE for word in (row.first, row.surname)}
    for finding in found:
        assert "value" not in finding                               # no --show-values: no name anywhere
        assert not any(word in finding["message"] for word in words), finding["message"]


def test_consent_required_makes_a_blank_consent_in_metadata_count(site, cli):
    site._write_bytes("photos/swimming.jpg", jpeg_naming(person_in_image("Ollie")))   # Oliver Dunn: blank consent
    _code, found, _err = run(cli, "--no-cache", "--show-values", "--roster", str(site.roster), "photos/swimming.jpg")
    assert at_photos(found) == {}
    site.config("consent: required\n")
    _code, found, _err = run(cli, "--no-cache", "--show-values", "--roster", str(site.roster), "photos/swimming.jpg")
    assert at_photos(found) == {"photos/swimming.jpg": [("SL601", "error", "Ollie", "XMP PersonInImage")]}
    assert [f["message"] for f in found if f["code"] == "SL601"] == [
        "its metadata (XMP PersonInImage) gives the first name of a pupil whose website consent is not recorded"]


def test_a_hashed_roster_gives_the_same_metadata_findings(site, cli, monkeypatch):
    _code, plain, _err = run(cli, "--no-cache", "--show-values", "--roster", str(site.roster), "photos")
    monkeypatch.setenv("SCHOOLLINT_ROSTER_KEY", KEY)
    code, out, _ = cli("roster", "hash", str(site.roster), "-o", ".schoollint-roster")
    assert code == 0, out
    site.config("roster: .schoollint-roster\n")
    _code, hashed, _err = run(cli, "--no-cache", "--show-values", "photos")
    assert at_photos(hashed) == at_photos(plain) == EXPECTED
    assert [f["message"] for f in hashed] == [f["message"] for f in plain]


class _Later(dt.datetime):
    """The clock 11 days on: Isla's consent (ending in 10 days) has ended."""

    @classmethod
    def now(cls, tz=None):
        return super().now(tz) + dt.timedelta(days=11)


def test_a_warm_run_says_what_a_cold_one_says_and_judges_consent_on_the_day_it_runs(site, cli, monkeypatch):
    from schoollint import analysis

    read = []       # the files a run reads and judges (--jobs 1: in this process), not served by the cache
    judge = analysis.Analyser.analyse
    monkeypatch.setattr(analysis.Analyser, "analyse", lambda self, path, known=None: read.append(path) or
                        judge(self, path, known))
    args = ("--jobs", "1", "--roster", str(site.roster))
    _code, cold, _err = run(cli, *args, select="ALL")
    assert "photos/choir.jpg" in read
    read.clear()
    _code, warm, _err = run(cli, *args, select="ALL")
    # every photo's result came from the cache (a file offered a rename is never cached: codec.cacheable)
    assert read == ["images/amara-osei-netball.jpg"]
    _code, uncached, _err = run(cli, "--no-cache", *args, select="ALL")
    assert warm == cold == uncached
    assert at_photos(warm) == {path: [(code, severity, None, field) for code, severity, _value, field in rows]
                               for path, rows in EXPECTED.items()}
    # Eleven days later, from the same cache (no file changed): the photo's cached result holds no
    # date, yet its consent is judged on the new day, as the page's is.
    from schoollint.checks import consent_policy

    monkeypatch.setattr(consent_policy, "dt", SimpleNamespace(datetime=_Later, date=dt.date, timezone=dt.timezone))
    read.clear()
    _code, later, _err = run(cli, *args, select="ALL")
    assert "photos/choir.jpg" not in read
    isla = [(f["path"], f["code"], f["message"]) for f in later if f["code"] in CONSENT_RULES
            and (f["path"], f["line"]) in (("photos/choir.jpg", None), ("index.html", 5))]
    assert isla == [("index.html", "SL601", "photo images/choir.jpg: its figcaption gives the first name of a pupil "
                                            "whose website consent is expired"),
                    ("photos/choir.jpg", "SL601", "its metadata (XMP PersonInImage) names a pupil whose website "
                                                  "consent is expired")]
    _code, later_uncached, _err = run(cli, "--no-cache", *args, select="ALL")
    assert later == later_uncached


def _share(site, photo: str) -> None:
    site.write("about.html", '<html><head>\n<meta property="og:image" content="https://oakfield.example/'
               f'{photo}">\n</head><body></body></html>\n')


def test_fix_strips_the_names_and_its_report_still_says_the_photo_shows_them(site, cli):
    from schoollint.formats.model import PERSON_NAME
    from schoollint.formats.registry import read_media

    _share(site, "photos/finish.jpg")
    site.commit("share")
    code, found, _err = run(cli, "--fix", "--show-values", "--roster", str(site.roster), "photos/finish.jpg",
                            "about.html", select="SL104,SL502,SL601")
    assert code == 1
    data = (site.root / "photos/finish.jpg").read_bytes()
    assert b"Rowan" not in data and not read_media(data, ".jpg").of_kind(PERSON_NAME)   # the fix did its work
    by_code = {f["code"]: f for f in found}
    assert set(by_code) == {"SL502", "SL601"}
    assert by_code["SL601"]["path"] == "photos/finish.jpg" and by_code["SL601"]["message"].endswith(STRIPPED)
    assert "its metadata named the people in it until this run's fix removed the names" in by_code["SL502"]["message"]
    # The next run cannot know: the name is gone from the file, so neither finding is left ...
    _code, found, _err = run(cli, "--roster", str(site.roster), "photos/finish.jpg", "about.html",
                             select="SL104,SL502,SL601")
    assert found == []
    # ... unless `pupil-photos:` says where photos of pupils are kept.
    site.config("pupil-photos: ['photos/**']\n")
    _code, found, _err = run(cli, "--roster", str(site.roster), "about.html", select="SL104,SL502,SL601")
    assert [(f["code"], f["path"]) for f in found] == [("SL502", "about.html")]
    assert "under pupil-photos in the configuration" in found[0]["message"]


def test_a_pupil_without_consent_named_by_first_name_makes_a_photo_one_of_pupils(site, cli):
    # index.html line 4: images/sports-day.jpg, alt "Rowan crossing the finish line" (refused)
    _share(site, "images/sports-day.jpg")
    _code, found, _err = run(cli, "--no-cache", "--roster", str(site.roster), select="SL502")
    assert [(f["code"], f["path"], f["line"]) for f in found] == [("SL502", "about.html", 2)]
    assert ("a pupil on the roster with no website consent is named with it by first name on index.html line 4"
            in found[0]["message"])
    # clean/index.html: "Maya with her painting", whose consent stands: not a reason
    _share(site, "images/painting.jpg")
    _code, found, _err = run(cli, "--no-cache", "--roster", str(site.roster), select="SL502")
    assert found == []
    # SL501: a public page showing it without the name is reported; the page that gives the first
    # name is not again (SL601 reports the photo there, as an error)
    site.write("gallery.html", '<p><img src="images/sports-day.jpg" alt="Sports day"></p>\n')
    site.write("medals.html", '<p><img src="images/sports-day.jpg" alt="Rowan with her medal"></p>\n')
    site.config("protected: ['/parents/']\n")
    _code, found, _err = run(cli, "--no-cache", "--roster", str(site.roster), "index.html", "gallery.html",
                             "medals.html", select="SL501,SL601")
    rows = [(f["code"], f["path"], f["line"]) for f in found]
    assert [row for row in rows if row[0] == "SL501"] == [("SL501", "gallery.html", 1)]
    assert ("SL601", "index.html", 4) in rows and ("SL601", "medals.html", 1) in rows
    assert "by first name on index.html line 4" in found[0]["message"]
