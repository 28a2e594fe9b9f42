"""What a plain folder's user (no Git) is told (trial 6, item 5): true and doable without Git. A report
refused inside the site names a place outside it (never the refused path itself: the home folder when the
site is the home folder was "write it outside the site (-o ~/audit-n.html)", the very path refused), and
advises no .gitignore; a rename says to upload the new file and delete the old on the web server, not to
"add it to version control"; a HEIC is not converted, saying why without "commit it first". Real
folders, through the command line."""

from __future__ import annotations

from tests.kit.images import encode, gradient
from tests.kit.sites import clean_photo


def _run(monkeypatch, capsys, cwd, *argv: str) -> tuple[int, str]:
    from schoollint.cli import main

    monkeypatch.chdir(cwd)
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_report_refused_in_a_plain_home_site_names_a_place_outside_it(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    clean_photo(home / "img" / "trip.jpg")
    (home / "index.html").write_text("<h1>Our school</h1>\n")      # the home folder is the site
    monkeypatch.setenv("HOME", str(home))
    code, said = _run(monkeypatch, capsys, home, "audit", "--no-vision", "-o", str(home / "audit-n.html"))
    assert code == 2 and not (home / "audit-n.html").exists()
    assert "inside the site folder (the current folder), which has no Git" in said
    assert "write it outside that folder (-o ../audit-n.html)" in said
    assert "~/audit-n.html" not in said and ".gitignore" not in said
    code, said = _run(monkeypatch, capsys, home, "audit", "--no-vision", "-o", "../audit-n.html")
    assert code == 0, said
    assert (tmp_path / "audit-n.html").is_file()


def test_a_report_refused_in_a_plain_site_below_home_suggests_the_home_folder(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    site = home / "www"
    clean_photo(site / "img" / "trip.jpg")
    (site / "index.html").write_text("<h1>Our school</h1>\n")
    monkeypatch.setenv("HOME", str(home))
    code, said = _run(monkeypatch, capsys, site, "check", "--no-vision", "--show-values", "-o", "findings.txt")
    assert code == 2 and "write it outside that folder (-o ~/findings.txt)" in said


def test_fixes_in_a_plain_folder_say_what_to_do_without_git(tmp_path, monkeypatch, capsys):
    import pillow_heif

    pillow_heif.register_heif_opener()
    site = tmp_path / "www"
    clean_photo(site / "img" / "amelia-watson.jpg")
    (site / "img" / "IMG_1034.heic").write_bytes(encode(gradient((64, 48)), "HEIF", quality=90))
    (site / "index.html").write_text('<img src="img/amelia-watson.jpg" alt="Sports day">\n')
    code, said = _run(monkeypatch, capsys, site, "check", "--no-vision", "--no-cache", "--fix", "--unsafe-fixes")
    assert "version control" not in said and "commit it first" not in said
    assert "where the site is copied to a web server, upload img/" in said
    assert "and delete img/amelia-watson.jpg there" in said
    assert "IMG_1034.heic: not fixed: no Git history keeps the original here" in said
    assert "convert it by hand (export it as JPEG)" in said
    code, said = _run(monkeypatch, capsys, site, "check", "--no-vision", "--no-cache")
    assert "SL106" in said and "more with --unsafe-fixes" not in said    # no fix offered that --fix refuses
    assert "--unsafe-fixes" not in said.split("SL106", 1)[1].split("\n\n", 1)[0]
