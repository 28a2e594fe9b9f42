"""Trial 10 item 10h: a mistake in `[tool.schoollint]` in pyproject.toml named no line
(`pyproject.toml: unknown key 'selcet'`), where the same in .schoollint.yml names it. Now it does, for
keys under a table header, dotted keys, inline tables and quoted per-path globs."""

from __future__ import annotations

import pytest

from tests.audit.sites import clean_jpeg, write

PROJECT = '[project]\nname = "site"\n\n'


@pytest.mark.parametrize("table, said", [
    ('[tool.schoollint]\nselcet = ["SL1"]\n', "pyproject.toml:5: unknown key 'selcet'"),
    ('[tool.schoollint]\nselect = ["SL1"]\n\n[tool.schoollint.SL201]\nmax-egde = 2400\n',
     "pyproject.toml:8: SL201: no option 'max-egde'"),
    ('[tool.schoollint]\nSL201 = { max-edge = 2400, colour = 1 }\n', "pyproject.toml:5: SL201: no option 'colour'"),
    ('[tool.schoollint]\nfail-level = "sometimes"\n', "pyproject.toml:5: fail-level must be one of"),
    ('[tool.schoollint.per-path."staff/**"]\nSL3O2 = {}\n', "pyproject.toml:5: per-path: staff/**: unknown key"),
    ('[tool.schoollint]\nexclude = ["_site/**"]\nroster = 3\n', "pyproject.toml:6: roster must be a file path"),
])
def test_an_error_in_pyproject_names_its_line(repo, cli, table, said):
    write(repo, "a.jpg", clean_jpeg())
    write(repo, "pyproject.toml", PROJECT + table)
    code, _out, err = cli("check", "--no-progress")
    assert code == 2
    assert said in err


def test_a_toml_file_named_with_config_names_its_line(repo, cli):
    write(repo, "a.jpg", clean_jpeg())
    write(repo, "lint.toml", 'select = ["SL1"]\n\n[SL201]\nmax-egde = 2400\n')
    code, _out, err = cli("check", "--no-progress", "--config", "lint.toml")
    assert code == 2
    assert "lint.toml:4: SL201: no option 'max-egde'" in err
