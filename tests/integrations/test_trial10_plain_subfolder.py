"""Trial 10 item 6: in a plain site (no Git; index.html and a .schoollint.yml that ignores SL102 at its
top), `cd news && schoollint check` ignored the site's configuration (SL102 still reported; `schoollint
config` said `source: null`), named files from news/, and made a second .schoollint_cache/ inside
news/, a folder that is uploaded with the site. README: the site is the nearest folder above that is
one. Run from a subfolder, the site above is the run's top, as a Git work tree's is."""

from __future__ import annotations

import pytest
import yaml

from tests.audit.sites import gps_jpeg, write


@pytest.fixture(params=["with its own index page", "without one"])
def news(tmp_path, monkeypatch, request):
    site = tmp_path / "plain"
    write(site, "index.html", '<html lang=en><body><img src="news/a.jpg" alt="Sports day"></body></html>\n')
    write(site, ".schoollint.yml", "ignore: [SL102]\n")
    write(site, "news/a.jpg", gps_jpeg())
    if request.param == "with its own index page":   # a built site has one in every section
        write(site, "news/index.md", "# News\n\n![Sports day](a.jpg)\n")
    monkeypatch.chdir(site / "news")
    monkeypatch.delenv("CI", raising=False)
    return site / "news"


def test_a_subfolder_run_uses_the_sites_configuration_and_names(news, cli):
    code, out, err = cli("check", "--no-progress")
    assert code == 1, err
    assert "SL101" in out and "SL102" not in out
    assert "news/a.jpg" in out
    assert not (news / ".schoollint_cache").exists()
    assert (news.parent / ".schoollint_cache").is_dir()


def test_config_from_a_subfolder_names_the_sites_file(news, cli):
    code, out, err = cli("config")
    assert code == 0, err
    shown = yaml.safe_load(out)
    assert shown["source"] == ".schoollint.yml"
    assert "SL102" not in shown["select"]


def test_a_folder_in_no_site_is_still_its_own(tmp_path, monkeypatch, cli):
    write(tmp_path / "loose", "trip/a.jpg", gps_jpeg())
    monkeypatch.chdir(tmp_path / "loose" / "trip")
    code, out, err = cli("check", "--no-progress")
    assert code == 1, err
    assert "a.jpg" in out and "trip/a.jpg" not in out


def test_a_configuration_above_the_sites_index_pages_is_not_its_top(tmp_path, monkeypatch, cli):
    """A site found by its index page ends where the run of index-page folders ends: a `.schoollint.yml`
    further up (the user's home folder's) neither becomes its top nor lists the folders beside it."""
    write(tmp_path, ".schoollint.yml", "ignore: [SL101]\n")
    write(tmp_path, "elsewhere/b.jpg", gps_jpeg())
    site = tmp_path / "sites" / "stmarys"
    write(site, "index.html", '<img src="a.jpg" alt="Sports day">\n')
    write(site, "a.jpg", gps_jpeg())
    monkeypatch.chdir(site)
    code, out, err = cli("check", "--no-progress")
    assert code == 1, err
    assert "SL101" in out and "b.jpg" not in out
    assert "\na.jpg" in "\n" + out
