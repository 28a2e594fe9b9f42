"""Trial 10 item 10b: mistyped configuration keys, rule options, rule codes and names (`selcet`,
`max-egde`, `SL3O2`, `name-in-alt-txt`) were refused or reported with no hint of what was meant, and
SL001 echoed a mistyped rule name upper-cased (`NAME-IN-ALT-TXT`). Each now says "did you mean" with
the closest known word (difflib, as ruff and git do), and SL001 shows a name as it is written.
(Options and commands: test_trial10_abbreviations.py.)"""

from __future__ import annotations

import json

import pytest

from tests.audit.sites import write
from tests.integrations.test_trial10_abbreviations import site  # noqa: F401  (the fixture: a photo and a page)
from tests.kit.git import git

pytestmark = pytest.mark.usefixtures("site")    # a photo and a page in a Git repository, the current folder


@pytest.mark.parametrize("config, said", [
    ("selcet: [SL1]\n", ".schoollint.yml:1: unknown key 'selcet'; did you mean 'select'?"),
    ("SL201:\n  max-egde: 2400\n",
     ".schoollint.yml:2: SL201: no option 'max-egde' (options: max-edge); did you mean 'max-edge'?"),
    ("oversized-imgae:\n  max-edge: 2400\n", "unknown key 'oversized-imgae'; did you mean 'oversized-image'?"),
    ("select: [SL3O2]\n", "unknown rule or prefix: 'SL3O2'; did you mean 'SL302'?"),
    ('per-path:\n  "staff/**":\n    ignor: []\n', "unknown key 'ignor'; did you mean 'ignore'?"),
])
def test_a_mistyped_configuration_word_says_what_was_meant(repo, cli, config, said):
    write(repo, ".schoollint.yml", config)
    code, _out, err = cli("check", "--no-progress")
    assert code == 2
    assert said in err


@pytest.mark.parametrize("words, said", [
    (["--select", "SL3O2"], "unknown rule or prefix: 'SL3O2'; did you mean 'SL302'?"),
    (["--ignore", "name-in-alt-txt"], "unknown rule or prefix: 'name-in-alt-txt'; did you mean 'name-in-alt-text'?"),
])
def test_a_mistyped_rule_on_the_command_line_says_what_was_meant(repo, cli, words, said):
    code, _out, err = cli("check", "--no-progress", *words)
    assert code == 2
    assert said in err


def test_a_word_close_to_nothing_gets_no_guess(repo, cli):
    write(repo, ".schoollint.yml", "qqqqqq: 1\n")
    code, _out, err = cli("check", "--no-progress")
    assert code == 2 and "unknown key 'qqqqqq'" in err and "did you mean" not in err


def test_sl001_for_a_mistyped_suppression_names_it_as_written_and_what_was_meant(repo, cli):
    write(repo, "index.html", '<!-- schoollint: ignore SL3O2 -->\n<img src="p.jpg" alt="The library">\n'
                              '<!-- schoollint: ignore name-in-alt-txt -->\n<img src="p.jpg" alt="Oliver Grant">\n')
    git(repo, "add", "-A")
    code, out, err = cli("check", "--no-progress", "--output-format", "json", "--select", "SL001,SL302")
    messages = {f["line"]: f["message"] for f in json.loads(out)["findings"] if f["code"] == "SL001"}
    assert "names SL3O2," in messages[1] and "did you mean 'SL302'?" in messages[1]
    assert "names name-in-alt-txt," in messages[3] and "NAME-IN-ALT-TXT" not in messages[3]
    assert "did you mean 'name-in-alt-text'?" in messages[3]
