"""Issue 18: a pool's workers map JPEGs instead of reading them (analysis.Analyser._maps), and judge
them as the reading does: the same report with --jobs 1 (read in this process) and with two workers
(mapped), for photos with every kind of data after their end and damaged ones; a photo cut short
while its worker holds it mapped costs that worker (SIGBUS), never the run nor another file.

Real files (Pillow's JPEGs with raw segments, a PNG named .jpg), the real command and the real pool.
"""

from __future__ import annotations

import json
import multiprocessing
import os

from tests.kit.images import encode, gradient
from tests.kit.jpeg import gradient_jpeg, mpo, phone_jpeg


def _photos(root) -> None:
    """40 photos (enough for the pool): phone photos, trailers, an MPO, a second JPEG appended,
    a video appended, zero padding, a photo cut short, a PNG and an empty file named .jpg."""
    phone = phone_jpeg()
    kinds = {
        "trailer": phone + b"secret trailer bytes",
        "second": phone + gradient_jpeg(size=(16, 16)),
        "video": phone + b"\0\0\0\x18ftypmp42" + bytes(64),
        "padding": phone + bytes(4096),
        "mpo": mpo(phone, gradient_jpeg(size=(32, 24))),
        "cut": phone[:len(phone) - 300],
        "headers-only": phone[:phone.index(b"\xff\xda") + 20],
        "empty": b"",
    }
    for number in range(32):
        (root / f"IMG_{number:04}.jpg").write_bytes(phone if number % 2 else encode(gradient((40, 30)), "JPEG"))
    for name, data in kinds.items():
        (root / f"{name}.jpg").write_bytes(data)
    (root / "png-named.jpg").write_bytes(encode(gradient((20, 10)), "PNG"))


def _report(cli, root, *options: str) -> tuple[int, list]:
    code, out, _ = cli("check", "--no-vision", "--no-cache", "--show-values", "--output-format", "json",
                       *options, str(root))
    return code, json.loads(out)["findings"]


def test_mapped_photos_give_the_report_read_photos_give(repo, cli, monkeypatch):
    from schoollint import analysis

    monkeypatch.setattr(analysis, "MAP_FROM", 1)    # these photos are small: workers map them all the same
    _photos(repo)
    code, alone = _report(cli, repo, "--jobs", "1")
    assert _report(cli, repo, "--jobs", "2") == (code, alone)
    by_file = {(finding["path"], finding["code"]) for finding in alone}
    # what must be found whichever way the bytes came: every kind of data after the end
    assert {("trailer.jpg", "SL103"), ("second.jpg", "SL103"), ("video.jpg", "SL103"), ("mpo.jpg", "SL103"),
            ("cut.jpg", "SL101"), ("IMG_0001.jpg", "SL101")} <= by_file
    assert ("padding.jpg", "SL103") in by_file      # its EXIF thumbnail; the zeros are no trailer
    assert not any("after EOI" in (f.get("value") or "") for f in alone if f["path"] == "padding.jpg")


def _maps_here(analyser, path) -> bool:
    with open(path, "rb") as handle:
        return analyser._maps(handle, os.fstat(handle.fileno()).st_size)


def test_only_a_worker_maps_and_only_a_large_jpeg(tmp_path):
    from schoollint import analysis
    from schoollint.analysis import Analyser
    from schoollint.config import Config

    padding = bytes(analysis.MAP_FROM)      # zeros after EOI: no trailer, a photo of a camera's size
    (tmp_path / "a.jpg").write_bytes(phone_jpeg() + padding)
    (tmp_path / "b.jpg").write_bytes(encode(gradient((8, 8)), "PNG") + padding)
    (tmp_path / "small.jpg").write_bytes(phone_jpeg())
    config = Config()
    analyser = Analyser(tmp_path, config, config.selected_codes(), {})
    assert not _maps_here(analyser, tmp_path / "a.jpg")       # the process that made it reads
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.starmap(_maps_here, [(analyser, tmp_path / name) for name in ("a.jpg", "b.jpg", "small.jpg")]) \
            == [True, False, False]
    seeing = Analyser(tmp_path, config, config.selected_codes(), {"vision": "faces"})
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.starmap(_maps_here, [(seeing, tmp_path / "a.jpg")]) == [False]   # vision decodes bytes


def cut_while_mapped(job):
    """Analyse a file; for cut.jpg, cut it to 100 bytes once the worker holds it mapped: the walk
    then touches pages past the new end (SIGBUS), as another program truncating the photo makes it."""
    from schoollint import analysis
    from schoollint.pool import analyse_in_worker

    if job[0] == "cut.jpg":
        import faulthandler

        faulthandler.disable()      # the deliberate crash's dump would only be noise
        judge = analysis.Analyser.judge

        def cutting(self, relpath, data, *rest):
            if relpath == "cut.jpg" and type(data) is not bytes:   # mapped: its size was taken before the cut
                os.truncate(os.path.join(self.root, relpath), 100)
            return judge(self, relpath, data, *rest)

        analysis.Analyser.judge = cutting
    return analyse_in_worker(job)


def test_a_photo_cut_short_while_mapped_costs_only_its_worker(tmp_path):
    from schoollint.analysis import Analyser
    from schoollint.config import Config
    from schoollint.pool import analysis_crashed, run_jobs

    data = phone_jpeg() + bytes(256 * 1024)    # many pages: those past the cut are unbacked
    names = [f"p{number:02}.jpg" for number in range(30)]
    for name in names + ["cut.jpg"]:
        (tmp_path / name).write_bytes(data)
    config = Config()
    analyser = Analyser(tmp_path, config, config.selected_codes(), {})
    jobs = [(name, None) for name in names[:10] + ["cut.jpg"] + names[10:]]
    results = run_jobs(analyser, cut_while_mapped, jobs, 2, "checking", False, analysis_crashed)
    assert [result.path for result in results] == [job[0] for job in jobs]
    assert [(r.path, sorted({f.code for f in r.findings}), r.errors) for r in results if r.path != "cut.jpg"] == \
        [(name, ["SL101", "SL102", "SL103", "SL104"], []) for name in names[:10] + names[10:]]
    cut = results[10]
    # run again alone after its worker died: now 100 bytes, read as a JPEG cut short (or said unreadable)
    assert cut.errors or cut.unchecked or any(f.code == "SL105" for f in cut.findings), cut
    assert os.path.getsize(tmp_path / "cut.jpg") == 100
