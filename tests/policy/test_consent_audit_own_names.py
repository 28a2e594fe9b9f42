"""`schoollint audit` cards say the consent state of the people a photo's own metadata and file or
folder name name, as well as its pages' (H13 leftover), through the command line on a real site."""

from __future__ import annotations

import json

from tests.kit.images import encode, gradient
from tests.kit.jpeg import XMP_SIGNATURE, segment, with_segments
from tests.kit.metadata import xmp_packet

ROSTER = ("UPN,Legal Surname,Legal Forename,Reg Group,Photo Consent (Website)\r\n"
          "A1,Sinclair,Poppy,2A,No\r\nA2,Brennan,Oliver,4B,Yes\r\nA3,Haddad,Amira,5B,\r\n")


def naming(name: str) -> bytes:
    packet = xmp_packet(f"<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{name}</rdf:li></rdf:Bag>"
                        "</Iptc4xmpExt:PersonInImage>")
    return with_segments(encode(gradient(), "JPEG", quality=90), segment(0xE1, XMP_SIGNATURE + packet))


def test_cards_cover_names_in_the_photos_own_metadata_and_file_name(repo, cli):
    (repo / "images" / "poppy").mkdir(parents=True)
    plain = encode(gradient(), "JPEG", quality=90)
    files = {"images/poppy-3.jpg": plain, "images/poppy/sports.jpg": plain, "images/hall.jpg": plain,
             "images/IMG_0001.jpg": naming("Poppy Sinclair"), "images/IMG_0002.jpg": naming("Oliver Brennan"),
             "images/IMG_0003.jpg": naming("Amira Haddad"), "images/oliver-4b.jpg": plain}
    for path, data in files.items():
        (repo / path).write_bytes(data)
    roster = repo.parent / "pupils.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    code, out, err = cli("audit", "--format", "json", "--select", "SL1,SL3,SL6", "--no-thumbnails", "--no-cache",
                         "--roster", str(roster))
    assert code == 0, err
    states = {photo["path"]: photo["consent"] for photo in json.loads(out)["photos"]}
    refused = "someone named with it has no website consent"
    assert states == {
        "images/IMG_0001.jpg": refused,
        "images/IMG_0002.jpg": "website consent recorded for everyone named with it",
        "images/IMG_0003.jpg": "website consent not recorded for someone named with it",
        "images/hall.jpg": "no one on the roster is named with it on a page",
        "images/oliver-4b.jpg": "website consent recorded for everyone named with it",
        "images/poppy-3.jpg": refused,
        "images/poppy/sports.jpg": refused,
    }
