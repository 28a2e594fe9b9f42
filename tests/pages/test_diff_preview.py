"""`check --diff` shows what `--fix` would leave: one diff per page, of its final text, and counts
that agree with the lines above them.

Trial (session 6, item 10): each change was described on its own against the file on disk, so a
page that an alt-text fix edits and a rename rewrites was shown as two diffs, each against the
original (the second still holding the name the first removes); a change whose rename is refused
while its metadata strip is made counted as "would be fixed" with "(0 could not be)", right below
its "cannot fix" line. Now the preview holds the bytes each fix would write (fix/preview.py), and
a file fixed in part is said to be.
"""

from __future__ import annotations

from pathlib import Path

from tests.kit.git import commit_all
from tests.kit.sites import photo_with_gps

PHOTO = "content/news/sports-day/amelia-watson-relay.jpg"
PAGE = "content/news/sports-day/index.md"


def site(root: Path, page: str) -> None:
    (root / "hugo.toml").write_text('baseURL = "https://greenfield.example.sch.uk/"\n', encoding="utf-8")
    photo_with_gps(root / PHOTO)
    (root / PAGE).write_text(page, encoding="utf-8")
    commit_all(root, "site")


def test_a_page_two_fixes_change_is_shown_once_as_it_would_end(repo, cli):
    site(repo, "---\ntitle: Sports day\n---\n"
               '{{< figure src="amelia-watson-relay.jpg" alt="Amelia Watson running the last leg" >}}\n')
    code, out, err = cli("check", "--no-cache", "--diff", "--unsafe-fixes")
    assert code == 1, out + err
    assert out.count(f"--- a/{PAGE}") == 1, out
    [added] = [line for line in out.splitlines() if line.startswith("+{{<")]
    assert "amelia-watson-relay.jpg" not in added and "Amelia Watson" not in added


def test_a_refused_rename_is_counted_where_the_summary_says_what_could_not_be_done(repo, cli):
    # the rename is refused (a template expression stands where the path starts); the strip is made
    site(repo, "---\ntitle: Sports day\n---\n"
               '<img src="<?php echo $base; ?>/news/sports-day/amelia-watson-relay.jpg" alt="Relay">\n')
    code, out, err = cli("check", "--no-cache", "--diff", "--unsafe-fixes")
    assert f"{PHOTO}: cannot fix:" in out and "template expression" in out, out + err
    assert "(0 could not be)" not in err, err
