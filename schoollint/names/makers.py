"""Camera, phone and software makers and model codes in file names: "CasioQVCI.jpg", "InfiRay.jpg",
"NikonCoolpix_0012.jpg" name a device, not a pupil.

Cameras and phones name their files after themselves (DCF, CIPA DC-009: "DSCN0012", "IMG_"), and people
keep the maker or model in a file's name when they rename it; ExifTool's corpora name files after the
EXIF IFD0 Make value (tag 0x010F). A maker's name (alone, "Casio", or its halves run together, "InfiRay",
"GoPro") or an acronym run together with a capitalised word (the model code "QVCI" in "CasioQVCI") is no
given name or surname, so it ends the run of words a full name is read from.
"""

from __future__ import annotations

from .words import Lexicon, Token

# EXIF Make and Software values (their first word, lower case) of the sample corpus's photos and of the
# well-known camera, phone, drone and photo-software makers and product lines. Not those that are given
# names or person surnames in the lists too ("Dell", "Yashica", "LG"), nor everyday words ("apple",
# "canon", "sharp", "hero"), which the word lists already read.
MAKERS = frozenset((
    "casio", "kodak", "flir", "fujifilm", "fuji", "gopro", "google", "htc", "infisense", "infiray", "jvc",
    "lge", "minolta", "konica", "motorola", "nikon", "nokia", "olympus", "oppo", "pentax", "panasonic", "ricoh",
    "rollei", "sanyo", "sigma", "sony", "samsung", "huawei", "xiaomi", "dji", "hasselblad", "leica", "kyocera",
    "oneplus", "realme", "insta360", "polaroid", "lumix", "exilim", "coolpix", "cybershot", "finepix",
    "powershot", "ixus", "caplio", "camedia", "dimage", "mavica", "optio", "photoshop", "lightroom",
    "snapseed", "picasa", "gimp", "adobe", "instagram", "whatsapp", "iphone", "ipad", "epson", "mamiya",
    "vivitar", "agfa", "contax", "sjcam", "akaso", "meizu", "lenovo", "quicktime", "graphicconverter",
))
MAX_CODE = 4                                    # "QVCI", "EOS", "DSC", "IXUS": a longer capital word may be a surname


def device_free_runs(runs: list[list[Token]], lex: Lexicon) -> list[list[Token]]:
    """`runs` (names/filenames.filename_runs) split at each maker's name and model code, which are left out:
    "Casio", "QVCI" -> [], ["Casio"]... A model code is a word of 2 to MAX_CODE capitals run together with
    a capitalised word ("CasioQVCI", not "CASIO-QVCI") that no given-name or surname list holds, so a
    surname written in capitals ("MarieDUPONT", "NoahPATEL") stays a name."""
    out: list[list[Token]] = []
    for run in runs:
        device = _device_words(run, lex)
        out.append([])
        for i, token in enumerate(run):
            if i in device:
                out.append([])
            else:
                out[-1].append(token)
    return [run for run in out if run]


def _device_words(run: list[Token], lex: Lexicon) -> set[int]:
    """Indexes of `run`'s tokens that are a maker's name (alone or two halves run together) or a model code."""
    found: set[int] = set()
    for i, token in enumerate(run):
        joined = [j for j in (i - 1, i + 1) if 0 <= j < len(run) and _touch(run, min(i, j))]
        if token.key in MAKERS:
            found.add(i)
        elif i + 1 in joined and token.key + run[i + 1].key in MAKERS:     # "InfiRay", "GoPro"
            found.update((i, i + 1))
        elif 2 <= len(token.raw) <= MAX_CODE and token.raw.isupper() and token.key not in lex.given \
                and token.key not in lex.surnames and any(not run[j].raw.isupper() for j in joined):
            found.add(i)
    return found


def _touch(run: list[Token], i: int) -> bool:
    """Are run[i] and run[i + 1] written together, with no separator ("Casio" "QVCI")?"""
    return run[i].end == run[i + 1].start
