"""A school website in a real Git repository, with the private roster a school would export (issue 13).

    site = build_school_site(tmp_path / "site")          # or a `repo` fixture's folder
    code, out, err = cli("check", str(site.root), "--roster", str(site.roster), "--output-format", "json")

`build_school_site(root, today=None)` writes, under `root` (made a Git repository and committed
unless it already is one):

* the roster, **outside** the repository at `root.parent / "private" / "pupils.csv"`, exported as a
  MIS would: UTF-8 byte-order mark, Windows CRLF line endings, aliased headers in their own order
  (`UPN`, `Legal Surname`, `Legal Forename`, `Preferred Forename`, `NC Year`, `Reg Group`,
  `Staff/Pupil`, `Photo Consent (Website)`, `Social Media`, `Print`, `Consent Expiry`,
  `Withdrawn On`, `Leaving Date`, `DOB`), extra columns, and each date format a UK export writes;
* real photos (Pillow JPEGs, 64x48 gradients; `images/team.jpg` names a person in its XMP,
  `Iptc4xmpExt:PersonInImage`);
* pages (HTML and Markdown) pairing photos with roster people by first name, full name, staff
  title and surname, and file name, one per consent state; and under `clean/` their clean
  variants, which pair photos only with people whose consent stands (no finding there at all).

Rows of `PEOPLE` (first name, surname, role, group, year, consent as written, dates as offsets in
days from `today`), and `SchoolSite.expected`: page (or photo) -> [(code, severity, value)] that SL601-SL603
report with `consent: optional` (the default). `SchoolSite.expected_required` adds what
`consent: required` adds. Dates are relative to `today` (default: today in UTC, as schoollint
judges), so the findings do not change with the day the tests run.

Other tests build on the same site (H2's SL202/SL501/SL502 tests): `site.photo(relpath, ...)`,
`site.write(relpath, text)`, `site.commit(message)` add files; `site.config(text)` writes
`.schoollint.yml`; `html_page(*lines)` wraps body lines in the site's page. This API is kept
stable: add, do not change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tests.kit.git import commit_all, git
from tests.kit.images import encode, gradient
from tests.kit.jpeg import segment, with_segments, XMP_SIGNATURE
from tests.kit.metadata import person_xmp


@dataclass(frozen=True)
class Row:
    """One roster row. Offsets are days from `today` (negative: in the past); None leaves the cell blank."""

    first: str
    surname: str
    role: str                   # as written in Staff/Pupil
    group: str
    year: str
    consent: str                # Photo Consent (Website), as written
    expiry: int | None = None
    withdrawn: int | None = None
    leaving: int | None = None
    preferred: str = ""
    print: str = ""             # the Print consent column (Social Media is "No" for everyone)


# Each consent state once, three pupils sharing a first name, a leaver, staff.
PEOPLE = (
    Row("Rowan", "Hughes", "Pupil", "5B", "Year 5", "No", print="Yes"),             # refused (print: given)
    Row("Isla", "Brennan", "Pupil", "6W", "Year 6", "Y", expiry=10),                # expiring in 10 days
    Row("Theo", "Marsh", "Pupil", "6W", "Year 6", "yes", leaving=-200),             # left 200 days ago
    Row("Amara", "Osei", "Pupil", "4R", "Year 4", "Given", withdrawn=-5),           # withdrawn 5 days ago
    Row("Priya", "Nair", "Pupil", "3K", "Year 3", "1", expiry=-3),                  # expired 3 days ago
    Row("Oliver", "Dunn", "Pupil", "3K", "Year 3", "", preferred="Ollie"),          # not recorded
    Row("Maya", "Clarke", "Pupil", "5B", "Year 5", "true"),                         # consent stands
    Row("Ellis", "Ward", "Pupil", "5B", "Year 5", "withdrawn"),                     # three named Ellis:
    Row("Ellis", "Stone", "Pupil", "6W", "Year 6", "yes"),                          # one without consent
    Row("Ellis", "Grant", "Pupil", "4R", "Year 4", "Y"),
    Row("Grace", "Okafor", "Staff", "", "", "No"),                                  # staff, refused
    Row("Daniel", "Price", "Staff", "", "", "Yes"),                                 # staff, consent stands
    Row("Harriet", "Lowe", "Staff", "", "", "yes", leaving=-400),                   # staff who left
)
HEADER = ("UPN", "Legal Surname", "Legal Forename", "Preferred Forename", "NC Year", "Reg Group", "Staff/Pupil",
          "Photo Consent (Website)", "Social Media", "Print", "Consent Expiry", "Withdrawn On", "Leaving Date", "DOB")
# The date formats of UK exports, used in turn so each is read.
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y", "%d-%m-%Y")


@dataclass
class SchoolSite:
    root: Path                      # the site: a Git repository
    roster: Path                    # the private roster CSV, outside the repository
    today: dt.date
    expected: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    expected_required: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    def photo(self, relpath: str, size: tuple[int, int] = (64, 48), people: tuple[str, ...] = ()) -> Path:
        """A real JPEG at relpath (a gradient, Pillow quality 90), naming `people` in its XMP if any."""
        jpeg = encode(gradient(size), "JPEG", quality=90)
        for name in people:
            jpeg = with_segments(jpeg, segment(0xE1, XMP_SIGNATURE + person_xmp(name, "Team photo")))
        return self._write_bytes(relpath, jpeg)

    def write(self, relpath: str, text: str) -> Path:
        """A text file (a page, a data file) at relpath, UTF-8."""
        return self._write_bytes(relpath, text.encode("utf-8"))

    def config(self, text: str) -> Path:
        return self.write(".schoollint.yml", text)

    def commit(self, message: str = "site") -> str:
        return commit_all(self.root, message)

    def _write_bytes(self, relpath: str, data: bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def roster_csv(today: dt.date) -> bytes:
    """PEOPLE as a MIS export: BOM, CRLF, aliased headers, extra columns, mixed date formats."""
    lines = [",".join(HEADER)]
    for number, row in enumerate(PEOPLE):
        def day(offset: int | None, number=number) -> str:
            if offset is None:
                return ""
            return (today + dt.timedelta(days=offset)).strftime(DATE_FORMATS[number % len(DATE_FORMATS)])

        upn = f"A{number + 100000000000:012d}" if row.role == "Pupil" else ""
        lines.append(",".join((upn, row.surname, row.first, row.preferred, row.year, row.group, row.role,
                               row.consent, "No", row.print, day(row.expiry), day(row.withdrawn), day(row.leaving),
                               "2015-03-02" if upn else "")))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def html_page(*body: str) -> str:
    """An HTML page of the school's site (English), `body` one line each."""
    return ("<!doctype html>\n<html lang=\"en\"><head><title>Oakfield Primary</title></head><body>\n"
            + "".join(line + "\n" for line in body) + "</body></html>\n")


INDEX = html_page(
    "<h1>Sports day</h1>",
    '<figure><img src="images/sports-day.jpg" alt="Rowan crossing the finish line"></figure>',
    '<figure><img src="images/choir.jpg" alt="The choir"><figcaption>Isla sang the solo</figcaption></figure>',
    '<p><img src="images/leavers.jpg" alt="Theo at the leavers\' assembly"></p>',
    '<p><img src="images/reading-club.jpg" alt="Mrs Okafor with the reading club"></p>',
    '<p><img src="images/farewell.jpg" alt="Mrs Lowe\'s farewell"></p>',
    # Not the Rowan of the roster: a first name inside someone else's full name (SL302 only).
    '<p><img src="images/hall.jpg" alt="The school hall, by Rowan Atkinson"></p>',
)
NEWS = """---
title: Science fair
---
![Ellis at the science fair](../images/science-fair.jpg)

![Ellis (5B) with the volcano](../images/volcano.jpg)

![Art prize](../images/art-prize.jpg)

Priya Nair won the art prize.

![Netball](../images/amara-osei-netball.jpg)

![Swimming gala](../images/ollie-swimming.jpg)

![The team](../images/team.jpg)
"""
CLEAN_INDEX = html_page(
    '<figure><img src="../images/painting.jpg" alt="Maya with her painting"></figure>',
    '<figure><img src="../images/robots.jpg" alt="Robots"><figcaption>Ellis (6W) built the robot</figcaption></figure>',
    '<p><img src="../images/maths.jpg" alt="Mr Price\'s maths lesson"></p>',
)
CLEAN_NEWS = """---
title: Art week
---
![Maya in the art room](../images/maya-art.jpg)

![Ellis (Year 6) and the robot](../images/robots.jpg)
"""


def build_school_site(root: Path, today: dt.date | None = None) -> SchoolSite:
    """The fixture site at `root` (a Git repository, committed) and its roster beside it; see the module."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    root.mkdir(parents=True, exist_ok=True)
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    roster = root.parent / "private" / "pupils.csv"
    roster.parent.mkdir(parents=True, exist_ok=True)
    roster.write_bytes(roster_csv(today))
    site = SchoolSite(root, roster, today)
    for name in ("sports-day", "choir", "leavers", "reading-club", "farewell", "science-fair", "volcano",
                 "art-prize", "amara-osei-netball", "ollie-swimming", "painting", "robots", "maths", "hall",
                 "maya-art"):
        site.photo(f"images/{name}.jpg")
    site.photo("images/team.jpg", people=("Rowan Hughes",))
    site.write("index.html", INDEX)
    site.write("news/science-fair.md", NEWS)
    site.write("clean/index.html", CLEAN_INDEX)
    site.write("clean/art-week.md", CLEAN_NEWS)
    site.expected = {
        "index.html": [("SL601", "error", "Rowan"), ("SL602", "warning", "Isla"), ("SL603", "warning", "Theo"),
                       ("SL601", "error", "Mrs Okafor"), ("SL603", "warning", "Mrs Lowe")],
        # "Priya Nair won the art prize." sits between two photos: charged to both (either may be its
        # caption; the safe reading for consent, session 6), so twice.
        "news/science-fair.md": [("SL601", "warning", "Ellis"), ("SL601", "error", "Ellis"),
                                 ("SL601", "error", "Priya Nair"), ("SL601", "error", "Priya Nair"),
                                 ("SL601", "error", "amara-osei")],
        # its own metadata (XMP PersonInImage) names Rowan Hughes, whose website consent is refused
        "images/team.jpg": [("SL601", "error", "Rowan Hughes")],
    }
    site.expected_required = {"news/science-fair.md": [("SL601", "error", "ollie")]}
    site.commit("school site")
    return site
