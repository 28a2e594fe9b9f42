"""Trial 10 item 10f: `schoollint history` said "removed in" for a photo version that a fix commit (the
Action's `--fix`, committed) replaced with a cleaned one at the same path: the photo is still on the site.
Now each version ends as it did: "replaced in" (the path holds a new version), "renamed to PATH in" (the
same bytes under a new name), "removed in" (gone from the tree). Through the command line, on a real
repository whose fix commit is schoollint's own `check --fix`.
"""

from __future__ import annotations

import json

from tests.audit.sites import gps_jpeg, page, write
from tests.kit.git import commit_all, git


def test_history_says_replaced_renamed_or_removed(repo, cli):
    write(repo, "images/gala.jpg", gps_jpeg(colour="teal"))
    write(repo, "images/team.jpg", gps_jpeg(colour="red"))
    write(repo, "images/bus.jpg", gps_jpeg(colour="olive"))
    write(repo, "news.html", page(("images/gala.jpg", "The gala"), ("images/team.jpg", "The team"),
                                  ("images/bus.jpg", "The bus")))
    commit_all(repo, "photos", "2025-01-10T10:00:00+00:00")
    assert cli("check", "--no-vision", "--fix", "images/gala.jpg")[0] in (0, 1)
    fixed = commit_all(repo, "schoollint: fix", "2025-01-11T10:00:00+00:00")
    git(repo, "mv", "images/team.jpg", "images/medal.jpg")
    (repo / "images/bus.jpg").unlink()
    write(repo, "news.html", page(("images/gala.jpg", "The gala"), ("images/medal.jpg", "The team")))
    moved = commit_all(repo, "rename the team, take the bus down", "2025-01-12T10:00:00+00:00")

    code, out, _ = cli("history", "--no-vision")
    assert code == 1
    lines = [line for line in out.splitlines() if "SL101" in line]
    gala, = [line for line in lines if line.startswith("images/gala.jpg")]
    team, = [line for line in lines if line.startswith("images/team.jpg")]
    bus, = [line for line in lines if line.startswith("images/bus.jpg")]
    assert f"(replaced in {fixed[:10]})" in gala and "removed" not in gala
    assert f"(renamed to images/medal.jpg in {moved[:10]})" in team and "removed" not in team
    assert f"(removed in {moved[:10]})" in bus

    report = json.loads(cli("history", "--no-vision", "--output-format", "json")[1])
    ends = {(f["path"], f["ended"], f["renamed_to"], f["removed_in"])
            for f in report["findings"] if f["code"] == "SL101"}
    assert ends == {("images/gala.jpg", "replaced", None, fixed), ("images/bus.jpg", "removed", None, moved),
                    ("images/team.jpg", "renamed", "images/medal.jpg", moved), ("images/medal.jpg", None, None, None)}
