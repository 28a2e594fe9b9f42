"""Traps real school pages hold (issue 10): rooms named after people ("the Mary Seacole Library", "the Rosa
Parks Hall"), event days ("Roald Dahl Day", "World Book Day"), and the songs, films and musicals classes
perform ("Amazing Grace", "Joseph and the Amazing Technicolor Dreamcoat", "Billy Elliot", "Bugsy Malone",
"Eleanor Rigby"): no pupil. A pupil whose name is near one ("Billy Elliott (5B)") still is. Through the
command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import figure_pages, names_reported

CAPTIONS = ("Reading together in the Mary Seacole Library", "Assembly in the Rosa Parks Hall",
            "Costumes for Roald Dahl Day", "World Book Day parade", "Year 3 sang Amazing Grace",
            "Year 6 performed Joseph and the Amazing Technicolor Dreamcoat", "Year 5 went to see Billy Elliot",
            "Our summer show: Bugsy Malone", "The choir sang Eleanor Rigby", "Well done Billy Elliott (5B)")


def test_rooms_days_and_titles_are_no_pupils(tmp_path):
    pages = figure_pages(CAPTIONS)
    assert names_reported(tmp_path, pages) == {"site/9.html": {"Billy Elliott"}}
