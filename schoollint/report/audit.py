"""The audit report for a safeguarding lead: one self-contained HTML file, or the same as JSON.

Fed the run's findings (the same the other formats get) plus per-photo facts
(schoollint.audit.Photo). The HTML is rendered by Jinja2 with autoescaping
(a file name or a finding can hold markup) from templates/audit.html.j2,
shipped as package data. It makes no request: CSS inline, thumbnails as
`data:` URIs, and a Content-Security-Policy that allows only those and the
one inline script, by its SHA-256. Personal values only with --show-values.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from importlib.resources import files

from .. import catalogue
from . import View, audit_history, escaped, escaped_finding, escaped_outcome, first_sentence, fix_hint, run_notes, \
    shown_value, where
from .files import MARKER_COMMENT
from .urgency import card_key, described, finding_key, step, summary_key

# The guidance's practical action each rule (or, failing that, its family) serves (Managing
# student image and video content, "Practical actions to take").
GUIDANCE = {
    "SL604": "Regularly Review Online Content",
    "SL605": "Regularly Review Online Content",
    "SL0": "Regularly Review Online Content",
    "SL1": "Ensure Image Metadata is Removed",
    # a filled-in form publishes what a parent typed (a child's name, medical notes): data protection and
    # consent, not a photo's metadata (trial 9 item 7)
    "SL110": "Follow Established Image Use Policies",
    "SL2": "Use Lower Resolution Images",
    "SL3": "Apply a 'Names-No-Images / Images-No-Names' Policy",
    "SL4": "Ensure Image Metadata is Removed",
    "SL5": "Follow Established Image Use Policies",
    "SL6": "Follow Established Image Use Policies",
}

# "What this audit did not check", for a safeguarding lead: plain words for the notes that say what to give
# the command line (the note itself follows, for the technician). Keyed by the note's opening words; a
# note not listed is plain already, and shown alone (trial 9 item 7).
NOTE_WORDS = (
    (re.compile(r"consent was not judged\b"),
     "Whether the pupils named with each photo may be shown on the website (their photo consent) was not "
     "checked: schoollint was not given the school's list of pupils and their consent, so no photo below says "
     "it. Check consent by hand, or ask whoever runs schoollint to give it the list."),
    (re.compile(r"(\d+) alt texts? or captions? in (\d+) pages?\b"),
     "Some descriptions or captions of pictures ({0} on {1} page(s)) were not checked for pupils' names: the "
     "website fills them in when it builds its pages, where schoollint cannot see the words. Read them on "
     "the published pages."),
)


def in_words(note: str) -> dict:
    """{"plain": what a safeguarding lead reads, "how": the note for the technician (None when the note is
    plain already)}."""
    for pattern, words in NOTE_WORDS:
        found = pattern.match(note)
        if found:
            return {"plain": words.format(*found.groups()), "how": note[:1].upper() + note[1:]}
    return {"plain": note[:1].upper() + note[1:], "how": None}


def _finding(finding, view: View) -> dict:
    rule = catalogue.load()[finding.code]
    record = {
        "code": finding.code, "name": rule.name, "severity": finding.severity or rule.severity,
        "message": finding.message, "field": finding.field, "line": finding.line,
        "where": where(finding).removesuffix(": "),   # a label ("line 7"): the page adds the colon, the JSON needs none
        "how_to_fix": fix_hint(finding, rule),
        # what schoollint's own fix does to this file; why the rule matters and how to fix it by hand
        # are said once per rule ("rules", the page's "What the problems mean")
        "fix": finding.fix.summary if finding.fix else None,
    }
    value = shown_value(finding, view)
    if value is not None:
        record["value"] = value
    return record


def _date(day) -> str | None:
    return day.isoformat() if day else None


def _photo(photo, findings: list, on_pages: list, view: View) -> dict:
    """A photo's card: its facts, its own findings, and those of the pages that show it
    on the lines where they write it (a full name in its alt text or caption)."""
    # the act-now order (report.urgency): consent first, then names, then metadata
    found = sorted([_finding(f, view) for f in findings]
                   + [{**_finding(f, view), "page": f.path} for f in on_pages], key=finding_key)
    return {
        "path": photo.path,
        "pages": photo.pages,
        "first_published": _date(photo.first_published), "first_commit": photo.first_commit,
        "date_source": photo.date_source,
        "last_changed": _date(photo.last_changed), "last_commit": photo.last_commit,
        "thumbnail": photo.thumbnail,
        "consent": _consent(photo, findings + on_pages),
        "findings": found,
        "step": described(found[0]["code"]) if found else None,   # what to do first
    }


# The card's consent state from the SL601-SL603 findings of its pages and of the photo itself (its
# metadata, its file or folder name), most serious first.
CONSENT_STATES = (
    ("SL601", "error", "someone named with it has no website consent"),
    ("SL601", "warning", "it is named with a first name shared by someone with no website consent"),
    ("SL603", None, "someone named with it has left the school"),
    ("SL602", None, "the website consent of someone named with it ends soon"),
)


def _consent(photo, findings: list) -> str | None:
    """What the roster says about the people named with the photo; None without a roster recording consent."""
    if photo.named is None:
        return None
    for code, severity, words in CONSENT_STATES:
        if any(f.code == code and (severity is None or f.severity == severity) for f in findings):
            return words
    if not photo.named:
        return "no one on the roster is named with it on a page"
    if all(person.website == "yes" or person.given_on for person in photo.named):
        return "website consent recorded for everyone named with it"
    return "website consent not recorded for someone named with it"


def _on_pages(photo, by_path: dict, written: dict[str, set[str]]) -> list:
    """The findings of the pages that show the photo on the lines where they write it or its texts. A line
    can be two photos' (a paragraph between them: the next one's text before it, the photo before's after
    it; a gallery's line): a finding there that names a photo the page shows (`photo x.jpg: ...`, `image
    x.jpg`) is on that photo's card only (trial 9 item 7: choir.jpg's card showed an SL303 finding about
    harvey-lewis.jpg, the paragraph between them)."""
    return [f for page, lines in photo.lines.items() for f in by_path.get(page, [])
            if f.line in lines and _about(f.message, photo.written.get(page, set()), written.get(page, set()))]


def _about(message: str, own: set[str], shown: set[str]) -> bool:
    """Whether a message is about one of `own` (the photo's addresses as its page writes them): it names
    one, or it names none of the addresses `shown` on the page."""
    named = {src for src in shown if src and re.search(rf"(?<!\S){re.escape(src)}(?=[\s:,;)]|$)", message)}
    return not named or bool(named & own)


def _summary(photos: list[dict], others: list[dict], run: list[dict], options: dict) -> list[dict]:
    """One plain-English line per rule: how many photos (or other files) it found, and why; an
    option the rule's summary names (`warn-days`) is given as the site's value of it ("30")."""
    rules = catalogue.load()
    photo_counts = Counter(code for p in photos for code in {f["code"] for f in p["findings"]})
    other_counts = Counter(code for o in others for code in {f["code"] for f in o["findings"]})
    lines = []
    for code in sorted(set(photo_counts) | set(other_counts) | {f["code"] for f in run}):
        rule = rules[code]
        lines.append({
            "code": code, "name": rule.name, "severity": rule.severity, "step": step(code)[0],
            "photos": photo_counts[code], "other_files": other_counts[code],
            "what": _with_values(rule.summary, options.get(code, {})),
            "guidance": GUIDANCE.get(code) or GUIDANCE.get(code[:3], ""),
        })
    return sorted(lines, key=summary_key)


def _meanings(summary: list[dict], findings: list) -> list[dict]:
    """Each rule found, once (in the summary's order), with the command that fixes the findings schoollint
    can fix itself. Why it matters and how to fix it by hand are the catalogue's words (`schoollint rule`),
    added by the HTML (`_explained`), not copied into the JSON."""
    safe = {f.code for f in findings if f.fix and f.fix.safe}
    unsafe = {f.code for f in findings if f.fix and not f.fix.safe}
    return [{"code": line["code"], "name": line["name"], "what": line["what"],
             "command": ("schoollint check --fix" if line["code"] in safe
                         else "schoollint check --fix --unsafe-fixes" if line["code"] in unsafe else None)}
            for line in summary]


def _explained(meanings: list[dict]) -> list[dict]:
    """The HTML's "What the problems mean": why each rule matters and how to fix it, said once for all its
    findings, in the first sentence of each (the rule's page, `help_uri`, says the rest: a printed audit
    stays a few pages)."""
    rules = catalogue.load()
    explained = []
    for line in meanings:
        rule = rules[line["code"]]
        fix = first_sentence(rule.fix)
        explained.append({**line, "why": first_sentence(rule.why), "how_to_fix": fix, "more": rule.help_uri,
                          # the command, unless the rule's own words already give it
                          "command": None if "schoollint check" in fix else line["command"]})
    return explained


def _with_values(text: str, options: dict) -> str:
    return re.sub(r"`([^`]*)`", lambda quoted: str(options.get(quoted.group(1), quoted.group(1))), text)


def model(audit, view: View) -> dict:
    """The report's content as plain data: what the JSON holds and the HTML shows. Texts as they are: the
    JSON names a file as check's JSON does (a byte that is not UTF-8 is os.fsdecode's surrogate, `\\udce9`,
    a newline `\\n`), the HTML is given them escaped (`shown`)."""
    by_path = defaultdict(list)
    for finding in audit.report.findings:
        by_path[finding.path].append(finding)
    photo_paths = {p.path for p in audit.photos}
    written: dict[str, set[str]] = defaultdict(set)     # page -> every photo address it writes
    for photo in audit.photos:
        for page, sources in photo.written.items():
            written[page] |= sources
    photos = [_photo(p, by_path.get(p.path, []), _on_pages(p, by_path, written), view) for p in audit.photos]
    photos.sort(key=card_key)     # most urgent first (report.urgency), as the summary's rules are
    others = [{"path": path, "findings": [_finding(f, view) for f in found]}
              for path, found in sorted(by_path.items()) if path not in photo_paths]
    run = [_finding(f, view) for f in audit.run_findings]
    summary = _summary(photos, others, run, audit.options)
    notes = run_notes(audit.report)
    return {
        "tool": "schoollint", "version": audit.version, "site": audit.site,
        "generated": audit.generated.isoformat(), "commit": audit.commit,
        "files_checked": audit.report.files_checked,
        "files_not_checked": dict(audit.report.not_checked),
        "files_not_read": dict(audit.report.not_read),   # no reader for them: names alone looked at, as check's JSON
        "totals": {
            "photos": len(photos),
            "shown_on_pages": sum(1 for p in photos if p["pages"]),
            "photos_with_findings": sum(1 for p in photos if p["findings"]),
            "findings": len(audit.report.findings) + len(run),
        },
        # what no rule could judge (no roster: consent; alt texts a template fills in), said first
        "not_judged": [text for text, unjudged in notes if unjudged],
        "not_judged_in_words": [in_words(text) for text, unjudged in notes if unjudged],
        "summary": summary,
        "steps": list({line["step"]: described(line["code"]) for line in summary}.values()),   # in its order
        "rules": _meanings(summary, [*audit.report.findings, *audit.run_findings]),
        "run_findings": run,
        "last_review": ({**audit.reviews[-1], "date": audit.reviews[-1]["date"].isoformat()}
                        if audit.reviews else None),
        "photos": photos,
        "other_files": others,
        # versions no longer on the site that history still holds (schoollint history)
        "history": audit_history.model(audit.history, lambda finding: _finding(finding, view)),
        "not_checked": list(audit.report.errors),
        "notes": [text for text, unjudged in notes if not unjudged],
        "values_shown": view.show_values,
    }


def render_json(audit, view: View) -> str:
    return json.dumps(model(audit, view), indent=2) + "\n"


def shown(audit):
    """The audit with every text from a file escaped as text output shows it (report.escaped: a byte that
    is not UTF-8 as `\\xe9`, controls as escapes), for a page a person reads; each path escaped alike
    wherever it is, so a photo's card still finds its pages' findings."""
    from dataclasses import replace

    def photo(card):
        return replace(card, path=escaped(card.path), pages=[escaped(page) for page in card.pages],
                       lines={escaped(page): lines for page, lines in card.lines.items()},
                       written={escaped(page): {escaped(src) for src in sources}
                                for page, sources in card.written.items()})

    return replace(audit, site=escaped(audit.site), report=escaped_outcome(audit.report),
                   photos=[photo(card) for card in audit.photos],
                   run_findings=[escaped_finding(finding) for finding in audit.run_findings],
                   history=audit_history.shown(audit.history))


def _template(name: str) -> str:
    return files(__package__).joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def render_html(audit, view: View) -> str:
    """The self-contained HTML page (Jinja2, autoescaped)."""
    from jinja2 import Environment, select_autoescape
    from markupsafe import Markup

    script = _template("audit.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    environment = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    page = environment.from_string(_template("audit.html.j2"))
    content = model(shown(audit), view)
    content["rules"] = _explained(content["rules"])
    return page.render(audit=content, marker=Markup(MARKER_COMMENT), script=script, script_hash=digest,
                       style=_template("audit.css"),
                       not_read=audit.report.not_read_text())
