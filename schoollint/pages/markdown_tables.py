"""Where each cell of a GFM table (GitHub Flavored Markdown spec 0.29, section 4.10, as markdown-it-py's
"table" rule tokenises it: `tr_open`, then `th_open`/`td_open` and an `inline` per cell) sits, so that a
Markdown photo grid is read as `html_captions.table_neighbours` reads an HTML one: the cell below a cell
holding only photos is their caption (the name row of a staff or committee grid). A table or a list
(CommonMark 0.31, 5.3) right after a block holding only photos is theirs whole (a team's squad under its
team photo), and so is one after a heading or a lead-in ending in a colon right after them ("### Prize
winners", "**The squad:**": `markdown.walk` hands their photos on)."""

from __future__ import annotations


class TableCells:
    """The photo cells of the table being read, by (row, column); rows count from the header row."""

    def __init__(self) -> None:
        self.row = -1
        self.column = -1
        self.photos: dict[tuple[int, int], list] = {}
        self.under: list = []               # the photos right above the table or list: its text is their caption
        self.lists = 0                      # lists open, nested ones too

    def token(self, kind: str, above: list) -> bool:
        """Follow a block token: a new table or list (`above`: the photos of the block before it), row or cell;
        True when a new row starts, or a list under photos."""
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists += 1
            if self.lists == 1 and above:
                self.under = above
                return True
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists -= 1
            self.under = self.under if self.lists else []
        elif kind == "table_open":
            self.row, self.photos, self.under = -1, {}, above
        elif kind == "table_close":
            self.under = []
        elif kind == "tr_open":
            self.row, self.column = self.row + 1, -1
            return True
        elif kind in ("td_open", "th_open"):
            self.column += 1
        return False

    def photos_above(self, found: list, has_text: bool) -> list:
        """Record the current cell (its photos when it holds photos and no text); when it holds text and
        no photo, the photos of the cell above it, whose caption it is; else []."""
        self.photos[(self.row, self.column)] = found if found and not has_text else []
        return self.photos.get((self.row - 1, self.column), []) if has_text and not found else []
