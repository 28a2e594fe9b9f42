"""Trial 10 item 8: with `selcet: [SL1]` in .schoollint.yml the Action set findings=0 and exit-code=2,
so a later step testing `findings == '0'` passed; the job summary showed `Findings 0 | Errors 0 | ... |
Files checked 0` above the error, and the error annotation named no file or line. Now a run that
stops before reporting leaves `findings` empty, the summary says nothing was checked (no table of
zeros), and the annotation is on .schoollint.yml, line 1."""

from __future__ import annotations

from tests.integrations.test_action import annotations, run, runner_temp, wheel  # noqa: F401  (fixtures)
from tests.kit.git import commit_all, git
from tests.kit.sites import photo_with_gps


def test_a_configuration_error_is_no_clean_run_in_the_outputs_or_summary(repo, runner_temp, wheel):  # noqa: F811
    photo_with_gps(repo / "images" / "trip.jpg")
    base = commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "photos")
    (repo / ".schoollint.yml").write_text("selcet: [SL1]\n", encoding="utf-8")
    head = commit_all(repo, "config")
    result = run(repo, runner_temp, base, head, version=wheel)
    assert result.outputs["exit-code"] == "2"
    assert result.outputs["findings"] == "", "a step testing findings == '0' must not pass"
    [error] = annotations(result, "error")
    assert error.properties.get("file") == ".schoollint.yml" and error.properties.get("line") == "1"
    assert "unknown key 'selcet'" in error.message
    assert "Nothing was checked" in result.summary and "### Errors" in result.summary
    assert "| Findings |" not in result.summary and "Files checked" not in result.summary
