"""A pre-commit run of a few photos (`schoollint check --no-vision --fix A B C`) starts a fresh
Python each time, so what it imports is most of what it costs (issue 18: at most half of
exif-stripper's time). Each test runs the command line in a subprocess on real files and lists
the modules it ended with: none of those below, which such a run has no use for, may be among them.
Not a timing: a module that creeps back into this path fails here whatever the machine."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.kit.sites import photo_with_gps

# Third-party packages only other kinds of file, the vision extra or a configuration file need.
HEAVY_PACKAGES = ("PIL", "numpy", "yaml", "pikepdf", "tree_sitter", "onnxruntime", "cv2", "lxml")
# schoollint's own: every page reader (pages.registry imports them all), the other commands, the
# report formats not asked for, Git history, --diff-base.
NOT_FOR_PHOTOS = ("schoollint.pages.registry", "schoollint.pages.html", "schoollint.pages.markdown",
                  "schoollint.pages.mdx", "schoollint.pages.components", "schoollint.pages.feeds",
                  "schoollint.audit", "schoollint.history_check", "schoollint.explain", "schoollint.diffbase",
                  "schoollint.gitlog", "schoollint.gittree", "schoollint.report.sarif", "schoollint.report.json_format",
                  "schoollint.report.junit", "schoollint.report.gitlab", "schoollint.report.audit")

RUN = """
import json, sys
from schoollint.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _modules(folder, *argv: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", RUN, *argv], cwd=folder, capture_output=True, text=True,
                            timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, 1), result.stderr
    return set(report["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in HEAVY_PACKAGES or name in NOT_FOR_PHOTOS)


def _three(folder) -> list[str]:
    names = [f"IMG_{number:04}.jpg" for number in range(3)]
    for number, name in enumerate(names):
        photo_with_gps(folder / name, colour=f"#{number * 40:02x}6080")
    return names


def test_three_photos_fixed_in_a_plain_folder_import_nothing_heavy(tmp_path):
    names = _three(tmp_path)
    modules = _modules(tmp_path, "check", "--no-vision", "--fix", *names)
    assert "schoollint.formats.jpeg" in modules       # the run did read and fix the photos
    assert _heavy(modules) == []


def test_three_photos_of_a_site_in_git_import_no_page_reader_once_the_pages_are_known(tmp_path):
    """The pages refer to the photos: the site rules need what they say, which the cache keeps."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    names = _three(site / "static")
    for number in range(5):
        (site / "content" / f"post-{number}.md").write_text(
            f"---\ntitle: Post {number}\n---\n![Sports day](/{names[number % 3]})\n\nThe relay race.\n")
    (site / "index.html").write_text('<img src="static/IMG_0000.jpg" width="300" alt="The relay">\n')
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    subprocess.run(["git", "add", "."], cwd=site, check=True)
    _modules(site, "check", "--no-vision")      # the whole site once: the cache keeps what each page says
    modules = _modules(site, "check", "--no-vision", "--fix", *(f"static/{name}" for name in names))
    assert "schoollint.site_rules" in modules       # the site rules ran for the photos
    assert _heavy(modules) == []
