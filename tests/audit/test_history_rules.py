"""`schoollint history` applies every rule `check` applies to a file's own content, metadata and path,
and its "not run on history" note lists exactly the selected rules it did not apply (trial 6, item 4:
the note said SL202, SL501, SL502, SL604, SL605 while SL601 at photos, SL401-SL403 and SL001 did not
run either).

Which rules ran is seen by wrapping each check module's `check` (the real one still runs: a spy, not
a mock) and noting what kind of subject it was given, in one process (--jobs 1, under the pool's
threshold): a rule `check` gives a subject that history never gives it must be in the note, and a rule
in the note must never have run.
"""

from __future__ import annotations

import json

import pytest

from schoollint import checks
from tests.kit.school_site import build_school_site, html_page

NOTE = "schoollint: note: not run on history: "


@pytest.fixture
def calls(monkeypatch) -> set[tuple[str, str]]:
    """(code, kind of subject) for every call of a check module while the test runs; a vision rule's
    only when it is given a picture (without one it can judge nothing)."""
    from schoollint import vision

    seen: set[tuple[str, str]] = set()
    looks = {code for codes in vision.RULES.values() for code in codes}
    for module in checks.modules():
        def recorded(subject, ctx, original=module.check, codes=module.CODES):
            pictured = getattr(subject, "picture", None) is not None
            if pictured or not set(codes) <= looks:
                seen.update((code, type(subject).__name__) for code in codes)
            return original(subject, ctx)
        monkeypatch.setattr(module, "check", recorded)
    return seen


@pytest.fixture
def site(repo):
    """The school site (SL601-SL603 on pages, in a photo's XMP, in file names), with an unused
    inline suppression (SL001's subject) and a photo large enough for SL201."""
    built = build_school_site(repo)
    built.write("notes.html", html_page("<!-- schoollint: ignore SL303 -->", '<img src="images/hall.jpg" alt="Hall">'))
    built.photo("images/banner.jpg", size=(3000, 2000))
    built.commit("more")
    return built


def listed(err: str) -> list[str]:
    """The codes the note names, in its order."""
    lines = [line for line in err.splitlines() if line.startswith(NOTE)]
    assert len(lines) <= 1, err
    if not lines:
        return []
    return [word.strip("(;,") for word in lines[0][len(NOTE):].split() if word.strip("(;,").startswith("SL")]


def selected_by(*options: str) -> set[str]:
    from schoollint.config import load_config

    config = load_config(None, None)
    for option, value in zip(options[::2], options[1::2], strict=True):
        setattr(config, option.lstrip("-").replace("-", "_"), value.split(","))
    return config.selected_codes()


def test_every_rule_check_applies_is_run_on_history_or_listed(site, cli, calls):
    code, out, err = cli("check", "--roster", str(site.roster), "--no-cache", "--jobs", "1", "--output-format", "json")
    assert code == 1 and "Traceback" not in err
    by_check = set(calls)
    calls.clear()
    code, out, err = cli("history", "--roster", str(site.roster), "--jobs", "1", "--output-format", "json")
    assert code == 1 and "Traceback" not in err and "internal error" not in err
    by_history = set(calls)
    not_run = listed(err)
    assert not_run == [code for entry in json.loads(out)["not_run"] for code in entry["rules"]]
    missing = {code for code, _kind in by_check - by_history}
    assert missing <= set(not_run), f"check applied, history neither ran nor listed: {missing - set(not_run)}"
    assert not {code for code, _kind in by_history} & set(not_run), "a rule listed as not run ran"
    assert ("SL601", "PhotoPeople") in by_history            # the trial's case: names in a photo's metadata


@pytest.mark.parametrize("options", [(), ("--select", "SL6"), ("--select", "SL1,SL4"), ("--ignore", "SL001,SL5"),
                                     ("--select", "SL3")])
def test_the_note_lists_exactly_the_selected_rules_not_run(site, cli, calls, options):
    code, out, err = cli("history", "--roster", str(site.roster), "--jobs", "1", "--output-format", "json", *options)
    assert code in (0, 1) and "Traceback" not in err
    selected = selected_by(*options)
    ran = {code for code, _kind in calls} & selected
    not_run = listed(err)
    assert set(not_run) == selected - ran and len(not_run) == len(set(not_run))
    assert not_run == [code for entry in json.loads(out)["not_run"] for code in entry["rules"]]


def test_no_vision_is_listed_as_why(site, cli):
    code, out, err = cli("history", "--roster", str(site.roster), "--no-vision", "--output-format", "json")
    assert code == 1 and {"rules": ["SL401", "SL402", "SL403"], "why": "--no-vision"} in json.loads(out)["not_run"]


@pytest.mark.parametrize("pooled", [False, True])
def test_history_honours_site_roots(repo, cli, monkeypatch, pooled):
    """`site-roots` (config.py) says where "/img/x.jpg" leads, for old page versions as for today's: a
    reference that led to a file in its own commit is not broken (it was, before: the user's roots were
    kept for the work tree's folder only, not for a commit's tree)."""
    from schoollint import history_check, pool
    from tests.audit.sites import clean_jpeg, write
    from tests.kit.git import commit_all

    write(repo, "eleventy.config.js", 'module.exports = { dir: { input: process.env.INPUT || "site" } };\n')
    write(repo, ".schoollint.yml", "site-roots:\n  - web\n")
    write(repo, "web/img/trip.jpg", clean_jpeg())
    for number in range(26 if pooled else 1):    # as many page versions as jobs the pool needs
        write(repo, "web/index.html", f'<img src="/img/trip.jpg" alt="Trip {number}">\n'
                                      '<img src="/img/gone.jpg" alt="Gone">\n')
        commit_all(repo, f"page {number}")
    (repo / "web/img/trip.jpg").unlink()
    write(repo, "web/index.html", "<p>No photos now.</p>\n")
    commit_all(repo, "photos taken down")
    monkeypatch.setattr(history_check, "BLOBS_PER_JOB", 1)
    started, real = [], pool._pooled
    monkeypatch.setattr(pool, "_pooled", lambda *args, **kwargs: started.append(1) or real(*args, **kwargs))
    code, out, err = cli("history", "--select", "SL304", "--jobs", "2", "--output-format", "json")
    assert code == 1 and "Traceback" not in err and bool(started) == pooled
    lines = {(f["blob"], f["line"]) for f in json.loads(out)["findings"]}
    assert {line for _blob, line in lines} == {2} and len(lines) == (26 if pooled else 1)
