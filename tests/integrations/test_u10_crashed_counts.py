"""A file whose reading process was killed is counted as not checked, never among the files checked: the
run's error line said it could not be read, but its count said "checked" (no silent pass). A real worker
process killed while it reads one photo of a pool's jobs; the counts as suppress.settle makes them."""

from __future__ import annotations

import os

from tests.kit.jpeg import phone_jpeg


def killed_on_b(job):
    from schoollint.pool import analyse_in_worker

    if job[0] == "b.jpg":
        os._exit(9)      # as the kernel's SIGKILL or a SIGBUS leaves the pool: the job's process gone
    return analyse_in_worker(job)


def test_a_file_whose_reader_was_killed_is_not_checked(tmp_path):
    from schoollint.analysis import Analyser
    from schoollint.config import Config
    from schoollint.outcome import Outcome
    from schoollint.pool import analysis_crashed, run_jobs
    from schoollint.suppress import settle

    for name in ("a.jpg", "b.jpg", "c.jpg"):
        (tmp_path / name).write_bytes(phone_jpeg())
    config = Config()
    analyser = Analyser(tmp_path, config, config.selected_codes(), {})
    results = run_jobs(analyser, killed_on_b, [(name, None) for name in ("a.jpg", "b.jpg", "c.jpg")], 2,
                       "checking", False, analysis_crashed, isolate=True)
    killed = results[1]
    assert killed.errors and "was killed" in killed.errors[0]
    outcome = Outcome()
    settle(tmp_path, results, config, config.selected_codes(), None, outcome)
    assert (outcome.files_checked, outcome.not_checked) == (2, {".jpg": 1})
