"""Name finder speed: sentences per CPU-second, without and with a roster (issue 10).

    python bench/names.py                 # best of 5 runs over the labelled newsletter sentences
    python bench/names.py --repeat 200    # more passes per run
    python bench/names.py --profile       # where the time goes (cProfile, without a roster)

CPU time (time.process_time) rather than wall time: the machine is shared. The sentences
are tests/names/newsletter_sentences.yaml (about 130 sentences of school newsletters); each
run reads all of them `--repeat` times with one NameFinder, after one untimed warm-up
that loads the word lists. The roster run uses a 1,000-name roster in a plain CSV with a
header row.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from schoollint.names import NameFinder, load_roster  # noqa: E402

SENTENCES = ROOT / "tests" / "names" / "newsletter_sentences.yaml"


def rate(finder: NameFinder, sentences: list[str], repeat: int, runs: int) -> float:
    """Best sentences per CPU-second over `runs` runs."""
    for sentence in sentences:
        finder.in_text(sentence)
    best = 0.0
    for _ in range(runs):
        started = time.process_time()
        for _ in range(repeat):
            for sentence in sentences:
                finder.in_text(sentence)
        best = max(best, repeat * len(sentences) / (time.process_time() - started))
    return best


def profile(finder: NameFinder, sentences: list[str], repeat: int) -> None:
    import cProfile
    import pstats

    rate(finder, sentences, 1, 1)                   # loads the word lists outside the profile
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [finder.in_text(sentence) for _ in range(repeat) for sentence in sentences])
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the 15 functions with most own time")
    options = parser.parse_args()
    sentences = [row["text"] for row in yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))]
    if options.profile:
        profile(NameFinder(), sentences, options.repeat)
        return
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "roster.csv"
        syllables = ("ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ba")
        words = [a.title() + b + c for a in syllables for b in syllables for c in syllables]
        rows = [f"{words[n]},{words[-1 - n]}n" for n in range(1000)]
        roster.write_text("first_name,last_name\n" + "\n".join(rows) + "\n", encoding="utf-8")
        with_roster = NameFinder(load_roster(roster))
        print(f"{len(sentences)} sentences x {options.repeat}, best of {options.runs} runs (CPU time), "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"without a roster: {rate(NameFinder(), sentences, options.repeat, options.runs):,.0f} sentences/CPU-s")
        print(f"with a roster:    {rate(with_roster, sentences, options.repeat, options.runs):,.0f} sentences/CPU-s")


if __name__ == "__main__":
    main()
