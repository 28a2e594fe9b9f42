"""Pages through the command line: --diff-base and inline suppressions (SL001)."""

from __future__ import annotations

import json
import os

from tests.kit.git import git
from tests.kit.sites import make_png


def found(cli, *args):
    code, out, _ = cli("check", "--output-format", "json", "--no-cache", *args)
    return code, [(f["path"], f["code"], f["line"]) for f in json.loads(out)["findings"]]


def test_diff_base_checks_changed_files_and_the_pages_that_show_them(repo, cli):
    make_png(repo / "img" / "old.png", size=(2000, 10))
    make_png(repo / "img" / "team.png", size=(100, 10))
    (repo / "about.html").write_text('<img src="img/old.png" alt="Oliver Smith">\n')
    (repo / "team.html").write_text('<img src="img/team.png" alt="Harriet Jones">\n')
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    make_png(repo / "img" / "team.png", size=(2400, 10))        # changed photo
    make_png(repo / "img" / "new.png", size=(3000, 10))         # new, untracked
    code, findings = found(cli, "--diff-base", "HEAD")
    paths = {path for path, _, _ in findings}
    assert paths == {"img/team.png", "img/new.png", "team.html"}  # not old.png, not about.html
    code, _, err = cli("check", "--diff-base", "no-such-ref")
    assert code == 2 and "no-such-ref" in err and "Traceback" not in err


def test_inline_suppressions_and_unused_ones(repo, cli):
    (repo / "index.html").write_text(
        "<!-- schoollint: ignore SL302 -->\n"
        '<img src="a.png" alt="Oliver Smith at sports day">\n'
        '<img src="b.png" alt="Harriet Jones at sports day" data-schoollint-ignore="SL302">\n'
        '<img src="c.png" alt="Amelia Watson at sports day">\n'
        "<!-- schoollint: ignore SL302 -->\n"
        '<img src="d.png" alt="The new playground">\n'
    )
    code, findings = found(cli, "--select", "SL001,SL302")
    assert findings == [("index.html", "SL302", 4), ("index.html", "SL001", 5)]
    code, out, _ = cli("check", "--select", "SL001,SL302")
    assert "this `schoollint: ignore` (SL302) suppresses nothing" in out
    # With SL001 not selected, an unused suppression is not reported.
    assert found(cli, "--select", "SL302")[1] == [("index.html", "SL302", 4)]


def test_rename_never_writes_through_a_symlinked_page(repo, cli):
    make_png(repo / "zoe-smith.png")
    (repo / "index.html").write_text('<img src="zoe-smith.png" alt="A pupil">\n')
    os.symlink("index.html", repo / "zz-alias.html")
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--select", "SL301")
    assert "renamed zoe-smith.png -> " in out
    new_name = out.split("renamed zoe-smith.png -> ")[1].split()[0]
    assert (repo / new_name).is_file() and not (repo / "zoe-smith.png").exists()
    assert f'src="{new_name}"' in (repo / "index.html").read_text()
    assert (repo / "zz-alias.html").is_symlink()


def test_a_suppression_for_a_rule_that_is_not_running_is_not_called_unused(repo, cli):
    (repo / "index.html").write_text('<!-- schoollint: ignore SL303 -->\n<img src="a.png" alt="Playground">\n')
    assert found(cli, "--select", "SL001,SL303")[1] == [("index.html", "SL001", 1)]
    assert found(cli, "--select", "SL001,SL302") == (0, [])
    (repo / ".schoollint.yml").write_text(
        "per-path:\n  'index.html':\n    ignore: [{rule: SL303, reason: 'Staff page, consent on file'}]\n")
    assert found(cli, "--select", "SL001,SL303") == (0, [])


def test_a_broken_page_is_a_warning_and_the_run_goes_on(repo, cli):
    (repo / "post.md").write_text("---\ntitle: [unclosed\n---\n![Oliver Smith](a.png)\n")
    (repo / "index.html").write_text('<img src="b.png" alt="Harriet Jones at sports day">\n')
    code, findings = found(cli)
    assert findings == [("index.html", "SL302", 1), ("index.html", "SL304", 1), ("post.md", "SL002", None)]
    code, out, err = cli("check", "--exit-zero", "--select", "SL002")
    assert code == 0 and "SL002 unreadable-page: cannot read this page: front matter" in out


def test_alt_texts_no_reader_can_resolve_are_counted_in_the_notes_even_from_the_cache(repo, cli):
    """An alt filled in by a template or an unresolved expression is unknown, never clean."""
    make_png(repo / "a.png")
    (repo / "Staff.jsx").write_text('export default function Staff({p}) {\n'
                                    '  return <img src="./a.png" alt={p.name} />;\n}\n')
    (repo / "list.njk").write_text('{% for p in staff %}<img src="a.png" alt="{{ p.name }}">{% endfor %}\n')
    for _run in ("cold", "cached"):
        code, out, err = cli("check", "--no-vision")
        assert code == 0 and "no findings in 3 files checked" in out
        assert ("2 alt texts or captions in 2 pages are filled in by a template or an expression schoollint "
                "cannot resolve") in err
    make_png(repo / "b.png")
    (repo / "Staff.jsx").write_text('export default () => <img src="./b.png" alt="The school hall" />;\n')
    (repo / "list.njk").unlink()
    assert "cannot resolve" not in cli("check", "--no-vision")[2]


def test_a_suppression_may_name_the_rule_and_a_typo_is_reported_not_silently_ignored(repo, cli):
    """Trial item 15: `ignore name-in-alt-text`, `ignore SL999` and `data-schoollint-ignore="SL3O2"`
    (letter O) all left the finding in place with no word. A rule name works as --select takes it;
    a word that is no rule's code or name is SL001, with or without the finding it meant to hide."""
    (repo / "index.html").write_text(
        "<!-- schoollint: ignore name-in-alt-text -->\n"
        '<img src="a.png" alt="Oliver Smith at sports day">\n'
        "<!-- schoollint: ignore SL999-->\n"
        '<img src="b.png" alt="Harriet Jones at sports day">\n'
        '<img src="c.png" alt="Amelia Watson at sports day" data-schoollint-ignore="SL3O2">\n'
        "<!-- schoollint: ignore SL302, sl3o3 -->\n"
        '<img src="d.png" alt="Rowan Patel at sports day">\n'
    )
    code, findings = found(cli, "--select", "SL001,SL302")
    assert findings == [("index.html", "SL001", 3), ("index.html", "SL302", 4),
                        ("index.html", "SL001", 5), ("index.html", "SL302", 5),
                        ("index.html", "SL001", 6)]         # SL302 on line 7 is silenced, the typo still said
    code, out, _ = cli("check", "--select", "SL001,SL302")
    assert "names SL999, which is no rule's code or name" in out
    assert "names SL3O2, which is no rule's code or name" in out
