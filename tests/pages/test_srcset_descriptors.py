"""A downscale rewrites the width and density descriptors pages write after the photo (trial 7 item 15).

`srcset="big.jpg 4000w"` tells a browser the file is 4000 px wide; once `--fix` makes it 800 px
wide the browser would show it at a fifth of its width. Real photos (Pillow), real pages of each
language the references are rewritten in, a real Git repository, through the command line.
"""

from __future__ import annotations

import io

from PIL import Image

from tests.kit.git import commit_all, git
from tests.kit.images import photo

CONFIG = "SL201:\n  max-edge: 400\n"


def jpeg(size=(800, 600), orientation: int = 1, gps: bool = False) -> bytes:
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
    out = io.BytesIO()
    photo(size).save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def site(repo, pages: dict[str, str], photos: dict[str, bytes] | None = None) -> None:
    (repo / ".schoollint.yml").write_text(CONFIG, encoding="utf-8")
    for relpath, data in (photos or {"img/big.jpg": jpeg()}).items():
        (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
        (repo / relpath).write_bytes(data)
    for relpath, text in pages.items():
        (repo / relpath).parent.mkdir(parents=True, exist_ok=True)
        (repo / relpath).write_text(text, encoding="utf-8")
    commit_all(repo, "site")


def size_of(path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


PAGES = {
    "index.html": '<img alt="sports day" srcset="img/big.jpg 800w, img/small.jpg 200w" sizes="50vw" width="400">\n'
                  '<picture><source srcset="/img/big.jpg 2x, img/small.jpg 1x"><img alt="gala" src="img/small.jpg">'
                  '</picture>\n<link rel="preload" as="image" imagesrcset="img/big.jpg?v=2 800w 600h">\n',
    "news.md": '# Sports day\n\n<img alt="race" srcset="../img/big.jpg 800w,../img/small.jpg 200w" sizes="100vw">\n',
    "src/Hero.jsx": 'export const Hero = () => <img alt="hero" srcSet="/img/big.jpg 800w, /img/small.jpg 200w" />;\n',
    "data/gallery.yml": "- alt: relay\n  srcset: /img/big.jpg 800w, /img/small.jpg 200w\n",
    "style.css": '.hero { background-image: image-set("img/big.jpg" 1.5x, url(img/small.jpg) 1x); }\n'
                 '.band { background-image: image-set(url(img/big.jpg) 2dppx); }\n',
}

FIXED = {
    "index.html": '<img alt="sports day" srcset="img/big.jpg 400w, img/small.jpg 200w" sizes="50vw" width="400">\n'
                  '<picture><source srcset="/img/big.jpg 1x, img/small.jpg 1x"><img alt="gala" src="img/small.jpg">'
                  '</picture>\n<link rel="preload" as="image" imagesrcset="img/big.jpg?v=2 400w 300h">\n',
    "news.md": '# Sports day\n\n<img alt="race" srcset="../img/big.jpg 400w,../img/small.jpg 200w" sizes="100vw">\n',
    "src/Hero.jsx": 'export const Hero = () => <img alt="hero" srcSet="/img/big.jpg 400w, /img/small.jpg 200w" />;\n',
    "data/gallery.yml": "- alt: relay\n  srcset: /img/big.jpg 400w, /img/small.jpg 200w\n",
    "style.css": '.hero { background-image: image-set("img/big.jpg" 0.75x, url(img/small.jpg) 1x); }\n'
                 '.band { background-image: image-set(url(img/big.jpg) 1dppx); }\n',
}


def test_descriptors_follow_a_downscale_in_every_page_language_and_are_staged_with_it(repo, cli):
    site(repo, PAGES, {"img/big.jpg": jpeg(), "img/small.jpg": jpeg((200, 150))})
    code, out, err = cli("check", "--fix")
    assert code == 1, out + err
    assert size_of(repo / "img/big.jpg") == (400, 300)
    for relpath, text in FIXED.items():        # `width="400"` is the layout's, in CSS px: it stays
        assert (repo / relpath).read_text(encoding="utf-8") == text, relpath
    assert "staged in Git" in err and "img/big.jpg was downscaled" in err
    staged = git(repo, "diff", "--cached", "--name-only").split()
    assert sorted(staged) == sorted(["img/big.jpg", *FIXED])
    assert git(repo, "diff", "--name-only") == ""       # nothing left unstaged: the change is whole
    code, out, err = cli("check", "--fix")             # idempotent: nothing more to do
    assert code == 0, out + err
    assert (repo / "index.html").read_text(encoding="utf-8") == FIXED["index.html"]


def test_the_diff_shows_the_pages_and_changes_nothing(repo, cli):
    site(repo, {"index.html": PAGES["index.html"]})
    code, out, _ = cli("check", "--diff")
    assert code == 1
    assert "img/big.jpg: downscale 800x600 -> 400x300" in out
    assert '+<img alt="sports day" srcset="img/big.jpg 400w, img/small.jpg 200w"' in out
    assert '-<img alt="sports day" srcset="img/big.jpg 800w, img/small.jpg 200w"' in out
    assert (repo / "index.html").read_text(encoding="utf-8") == PAGES["index.html"]
    assert size_of(repo / "img/big.jpg") == (800, 600)


def test_a_descriptor_that_cannot_be_set_refuses_the_downscale_and_names_the_page(repo, cli):
    page = '<img alt="a" srcset="{{ \'img/big.jpg\' | resize: \'800x\' }} 800w">\n'
    site(repo, {"team.liquid": page}, {"img/big.jpg": jpeg(gps=True)})
    code, out, err = cli("check", "--fix")
    assert code == 1
    said = out + err
    assert "team.liquid:1" in said and "not downscaled" in said and "template expression" in said
    assert "img/big.jpg: not fixed:" in said and "(done: remove location metadata)" in said
    assert size_of(repo / "img/big.jpg") == (800, 600)     # the page would show it at half its width
    assert (repo / "team.liquid").read_text(encoding="utf-8") == page
    code, out, err = cli("check")                            # the strip was made; the downscale was not
    assert "SL201" in out and "SL101" not in out


def test_a_photo_turned_by_its_orientation_is_described_by_its_upright_width(repo, cli):
    page = '<img alt="a" srcset="img/big.jpg 600w, img/small.jpg 150w" sizes="50vw">\n'
    site(repo, {"index.html": page}, {"img/big.jpg": jpeg((800, 600), orientation=6)})
    code, out, err = cli("check", "--fix")
    assert code == 1, out + err
    assert size_of(repo / "img/big.jpg") == (300, 400)      # stored upright now
    assert (repo / "index.html").read_text(encoding="utf-8") == page.replace("600w", "300w")


def test_a_downscale_and_a_rename_of_the_same_photo_both_reach_the_page(repo, cli):
    page = '<img alt="sports day" srcset="img/amelia-watson.jpg 800w, img/small.jpg 200w" sizes="50vw">\n'
    site(repo, {"index.html": page}, {"img/amelia-watson.jpg": jpeg(), "img/small.jpg": jpeg((200, 150))})
    code, out, err = cli("check", "--fix", "--unsafe-fixes")
    assert code == 1, out + err
    text = (repo / "index.html").read_text(encoding="utf-8")
    assert "amelia-watson" not in text and " 400w, img/small.jpg 200w" in text, text
    new = text.split('srcset="')[1].split(" ")[0]
    assert size_of(repo / new) == (400, 300)


def test_a_photo_no_page_describes_is_fixed_alone_and_not_staged(repo, cli):
    page = '<img alt="a" src="img/big.jpg" width="400">\n<img alt="b" srcset="img/other.jpg 800w">\n'
    site(repo, {"index.html": page})
    code, out, err = cli("check", "--fix")
    assert code == 1, out + err
    assert size_of(repo / "img/big.jpg") == (400, 300)
    assert (repo / "index.html").read_text(encoding="utf-8") == page
    assert git(repo, "diff", "--cached", "--name-only") == ""       # as every other fix of one photo


def test_a_page_with_changes_of_yours_not_staged_is_named_not_staged(repo, cli):
    site(repo, {"index.html": PAGES["index.html"]})
    (repo / "index.html").write_text(PAGES["index.html"] + "<p>draft</p>\n", encoding="utf-8")
    code, out, err = cli("check", "--fix")
    assert code == 1, out + err
    assert "not staged" in err and "img/big.jpg, index.html" in err
    assert git(repo, "diff", "--cached", "--name-only") == ""
    assert "img/big.jpg 400w" in (repo / "index.html").read_text(encoding="utf-8")



def test_utf16_pages_are_rewritten_in_utf16_where_read_and_refuse_the_downscale_where_not(repo, cli):
    page = '<img alt="a" srcset="img/big.jpg 800w">\n<img alt="b" src="img/other.jpg">\n'
    site(repo, {}, {"img/big.jpg": jpeg(), "img/other.jpg": jpeg(), "img/third.jpg": jpeg()})
    (repo / "index.html").write_bytes(page.encode("utf-16"))     # HTML: its byte-order mark is read
    (repo / "data").mkdir()
    (repo / "data/gallery.json").write_bytes('{"srcset": "/img/third.jpg 800w"}'.encode("utf-16"))
    commit_all(repo, "pages saved as UTF-16")
    code, out, err = cli("check", "--fix")
    assert code == 1
    assert (repo / "index.html").read_bytes() == page.replace("800w", "400w").encode("utf-16")
    assert size_of(repo / "img/big.jpg") == (400, 300) and size_of(repo / "img/other.jpg") == (400, 300)
    assert "data/gallery.json: gives the photo's size in UTF-16" in out + err
    assert size_of(repo / "img/third.jpg") == (800, 600)      # refused: the data file could not follow it
