"""words_cy.txt, the common words of Welsh, for tools/build_name_data.py (run by hand; the output is committed).

wordfreq, the other languages' source, has no Welsh. The source here is Tesseract's Welsh model
(tessdata_fast, https://github.com/tesseract-ocr/tessdata_fast, Apache-2.0, Copyright 2006-2022 Google
Inc.), as Debian's tesseract-ocr-cym package installs it: its word list (the "lstm-word-dawg", words of
Welsh web text) read out with Tesseract's own tools (`combine_tessdata -u`, `dawg2wordlist`, in Debian's
tesseract-ocr package):

    apt-get install tesseract-ocr tesseract-ocr-cym
    python tools/build_name_data.py --welsh

Its words written in lower case (capitalised-only entries are proper nouns: "Crugybar"), less every word a
given-name or surname list holds ("ffion", "dafydd", "jones", "hughes": the list has no frequencies to keep
the commoner ones by, as the other languages' lists do), except the common Welsh words in KEEP, which a
name list of some other language happens to hold ("gyda", "bara", "castell").
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

MODELS = (Path("/usr/share/tesseract-ocr/5/tessdata/cym.traineddata"),
          Path("/usr/share/tesseract-ocr/4.00/tessdata/cym.traineddata"))

# Everyday Welsh words (function words, and words of school news: "ardal" area, "castell" castle, "hanes"
# history, "maes" field) that some name list holds: still words on a Welsh page.
KEEP = frozenset("""a ac adar am ar ardal arian aros at bach balch bara brith bron caban cael capel castell cei
    chi codi croes cudd da dail dant dwi dy eich fe gan gelli gellir glo gwin gyda hanes hanner hi hoff mae maes
    melin nef neu ni nhw ond pan pant pont porth pren sain sant tad tair tra tre ty unol yma""".split())

LICENCE = """\
# Built by tools/build_name_data.py --welsh (schoollint, MIT; tools/welsh_words.py) from:
#   tessdata_fast's Welsh model, cym.traineddata (Apache-2.0, Copyright 2006-2022 Google Inc.), its word list;
#   less the names of given_names.txt and surnames.txt (their sources and licences are in those files).
"""


def model_words() -> list[str]:
    """Every word of the Welsh model's word list, as written; OSError naming the model when it is missing."""
    model = next((path for path in MODELS if path.exists()), None)
    if model is None:
        raise OSError(f"no Welsh Tesseract model at {' or '.join(map(str, MODELS))}: apt-get install tesseract-ocr-cym")
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "cym."
        subprocess.run(["combine_tessdata", "-u", str(model), str(prefix)], check=True, capture_output=True)
        out = Path(folder) / "words.txt"
        subprocess.run(["dawg2wordlist", f"{prefix}lstm-unicharset", f"{prefix}lstm-word-dawg", str(out)],
                       check=True, capture_output=True)
        return out.read_text(encoding="utf-8").split()


def write_welsh(data: Path, names: set[str], plain: Callable[[str], str]) -> None:
    """Write data/words_cy.txt: the plain() keys of the model's lower-case words, less `names` but KEEP."""
    keys = {plain(word) for word in model_words() if word.islower()}
    entries = sorted(key for key in keys if key.isascii() and key.isalpha() and len(key) > 1
                     and (key not in names or key in KEEP))
    path = data / "words_cy.txt"
    path.write_text("# Common words of language 'cy' (Tesseract's Welsh model), lower case, less names.\n"
                    + LICENCE + "\n".join(entries) + "\n", encoding="utf-8")
    print(f"{path}: {len(entries)} entries")
