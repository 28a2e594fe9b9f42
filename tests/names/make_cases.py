"""Write the labelled image-text pairs of tests/names/cases/ (run by hand; the output is committed).

    python tests/names/make_cases.py

Each case is one page (HTML, Markdown, Markdown with front matter, or a site
data file) showing one photo, labelled with the full names a reader of the
page would put to that photo (in its file name, alt text or caption). Kinds
follow issue 10: what the rules missed ("caption-next-paragraph", ...) and what
they wrongly reported ("trap-..."). All names are invented, drawn from many
languages.

The two splits share no name and no sentence: "tune" may be looked at while
changing the finder; "heldout" is only measured (test_precision.py checks its
digest, so an edit to it shows).
"""

# ruff: noqa: E501  (the page templates read best one to a line)
from __future__ import annotations

import random
from pathlib import Path

import yaml

OUT = Path(__file__).with_name("cases")

# (given, surname) pairs; lang is the page language they are used on.
NAMES = {
    "tune": [
        ("Oliver", "Thornton"), ("Isla", "Whitaker"), ("Freya", "Pemberton"), ("Harry", "Ashworth"),
        ("Poppy", "Fairclough"), ("Alfie", "Haworth"), ("Evie", "Sutcliffe"), ("Jacob", "Kershaw"),
        ("Zofia", "Kowalczyk"), ("Jakub", "Wiśniewski"), ("Szymon", "Zieliński"), ("Maja", "Wójcik"),
        ("Lukas", "Schneider"), ("Lena", "Hoffmann"), ("Jonas", "Becker"), ("Mia", "Schulz"),
        ("Elif", "Yılmaz"), ("Emir", "Demir"), ("Zeynep", "Kaya"), ("Yusuf", "Çelik"),
        ("Adebayo", "Ogunleye"), ("Folake", "Adeyemi"), ("Tunde", "Bakare"), ("Ayomide", "Olawale"),
        ("Minh", "Nguyen"), ("Linh", "Tran"), ("Thao", "Pham"), ("Quang", "Le"),
        ("Ayesha", "Siddiqui"), ("Hamza", "Qureshi"), ("Fatima", "Malik"), ("Bilal", "Chaudhry"),
        ("Aoife", "Brennan"), ("Chloé", "Lefèvre"), ("Matteo", "Russo"), ("Sofia", "García"),
    ],
    "heldout": [
        ("Maisie", "Cartwright"), ("Reuben", "Haslam"), ("Darcey", "Prescott"), ("Ellis", "Blackwood"),
        ("Ivy", "Lockwood"), ("Arlo", "Fenwick"), ("Mabel", "Ogden"), ("Rory", "Pickering"),
        ("Oliwia", "Mazur"), ("Kacper", "Kamiński"), ("Antoni", "Lewandowski"), ("Hanna", "Dąbrowska"),
        ("Finn", "Wagner"), ("Emma", "Krüger"), ("Paul", "Zimmermann"), ("Clara", "Neumann"),
        ("Defne", "Arslan"), ("Mert", "Öztürk"), ("Ecem", "Aydın"), ("Kerem", "Şahin"),
        ("Temitope", "Akinola"), ("Damilola", "Oyelaran"), ("Kehinde", "Adeyemo"), ("Bolaji", "Ogunbiyi"),
        ("Huong", "Vo"), ("Tuan", "Dang"), ("Mai", "Hoang"), ("Bao", "Bui"),
        ("Zainab", "Butt"), ("Usman", "Sheikh"), ("Maryam", "Aslam"), ("Faisal", "Iqbal"),
        ("Niamh", "Gallagher"), ("Lucía", "Fernández"), ("Giulia", "Ricci"), ("Astrid", "Johansson"),
    ],
}
# Surnames that are also given names ("Ruby Francis").
GIVEN_SURNAMES = {
    "tune": [("Ruby", "Francis"), ("Harvey", "Lewis"), ("Evan", "Thomas"), ("Grace", "Stanley"),
             ("Lily", "Henry"), ("Noah", "Gordon")],
    "heldout": [("Millie", "Howard"), ("Oscar", "Elliott"), ("Daisy", "Russell"), ("Leo", "Douglas"),
                ("Ella", "Dean"), ("Jack", "Neville")],
}
# First names only, for traps.
FIRSTS = {"tune": ["Heather", "Sarah", "Hannah", "Freya", "Noah", "Amara", "Kacper", "Leyla"],
          "heldout": ["Imogen", "Bethany", "Connor", "Tobias", "Anaya", "Wiktor", "Selin", "Chidi"]}

# Templates: (format, page text). {img} is the photo's address, {name} a full name,
# {first}/{last} its parts, {f1} {f2} {f3} first names only. Kinds are issue 10's.
T = {
    "caption-next-paragraph": {
        "tune": [
            ("md", "![]({img})\n\n{name} (J14) won the sculls at the regatta.\n"),
            ("html", "<p><img src=\"{img}\" alt=\"\"></p>\n<p>{name} receives the reading cup.</p>"),
            ("md", "Sports day was a great success.\n\n![Sports day]({img})\n\nWell done to {name} for the 100m.\n"),
            ("html", "<div class=\"entry\"><a href=\"{img}\"><img src=\"{img}\"></a>\n<p>Congratulations to {name} of 6B.</p></div>"),
        ],
        "heldout": [
            ("md", "![]({img})\n\nHere is {name} with the county medal.\n"),
            ("html", "<p><img src=\"{img}\"></p>\n<p>Our new head girl, {name}, at the assembly.</p>"),
            ("md", "# Gala results\n\n[![]({img})]({img})\n\nFirst place went to {name} (Year 9).\n"),
            ("html", "<div class=\"wp-block-group\"><figure class=\"wp-block-image\"><img src=\"{img}\"></figure>\n<p>{name} scored the winning goal.</p></div>"),
        ],
    },
    "caption-table-cell": {
        "tune": [
            ("html", "<table><tr><td><img src=\"{img}\"></td><td>{name}, Year 5</td></tr></table>"),
            ("html", "<table><tr><td><img src=\"{img}\"></td></tr><tr><td>{name}</td></tr></table>"),
        ],
        "heldout": [
            ("html", "<table><tbody><tr><td><a href=\"{img}\"><img src=\"{img}\"></a></td>\n<td>Winner: {name}</td></tr></tbody></table>"),
            ("html", "<table><tr><th><img src=\"{img}\" alt=\"\"></th></tr><tr><td>Captain {name}</td></tr></table>"),
        ],
    },
    "caption-lead-in": {
        "tune": [
            ("md", "![]({img})\n\nL to R: {name}, {first2} {last2} and Mr Evans.\n"),
            ("html", "<img src=\"{img}\">\n<p>Pictured: {name} with the trophy.</p>"),
            ("md", "![]({img})\nImage above: {name} at the finish.\n"),
        ],
        "heldout": [
            ("html", "<p><img src=\"{img}\"></p><p>Left to right: {name} and {first2} {last2}.</p>"),
            ("md", "![team]({img})\n\n*Pictured:* {name}, our chess champion.\n"),
            ("html", "<div><img src=\"{img}\"><br>Photo above: {name} on stage.</div>"),
        ],
    },
    "card-layout": {
        "tune": [
            ("html", "<div class=\"card\"><div class=\"card-img\"><img src=\"{img}\"></div>"
                     "<div class=\"card-title\">{name}</div><p>Head of Science</p></div>"),
            ("html", "<div class=\"staff-grid\"><div class=\"member\"><div class=\"photo\"><img src=\"{img}\"></div>"
                     "<h3>{name}</h3></div><div class=\"member\"><div class=\"photo\"><img src=\"other.jpg\"></div>"
                     "<h3>Vacancy</h3></div></div>"),
            ("html", "<ul class=\"committee\"><li><div class=\"avatar\"><img src=\"{img}\"></div>"
                     "<span class=\"name\">{name}</span></li></ul>"),
        ],
        "heldout": [
            ("html", "<div class=\"col\"><div class=\"card-image\"><a href=\"/people/x\"><img src=\"{img}\"></a></div>"
                     "<div class=\"card-body\"><h4 class=\"card-title\">{name}</h4></div></div>"),
            ("html", "<section class=\"governors\"><div class=\"profile\"><img src=\"{img}\">"
                     "<h3>{name}</h3><p>Chair</p></div></section>"),
            ("html", "<div class=\"team\"><div class=\"img-wrap\"><img src=\"{img}\"></div>"
                     "<div class=\"caption\">{name}</div></div>"),
        ],
    },
    "front-matter-people": {
        "tune": [
            ("fm", "---\ntitle: Our governors\npeople:\n  - name: {name}\n    photo: {img}\n---\nText.\n"),
            ("fm", "---\ntitle: {name} wins the art prize\nfeatured_img: {img}\n---\nWell done.\n"),
            ("data", "- name: {name}\n  headshot: {img}\n  role: Pupil librarian\n"),
        ],
        "heldout": [
            ("fm", "---\ntitle: Sports leaders\nleaders:\n  - title: {name}\n    image: {img}\n---\n"),
            ("fm", "---\ntitle: Star of the week - {name}\nheader_image: {img}\n---\nWell done!\n"),
            ("data", "team:\n  - full_name: {name}\n    picture: {img}\n"),
        ],
    },
    "surname-also-given": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{gs} wins the chess cup</figcaption></figure>"),
                 ("md", "![{gs} reading]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" alt=\"{gs} on the climbing wall\">"),
                    ("md", "![]({img})\n\n*{gs} at the science fair*\n")],
    },
    "non-english-names": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{name} with her certificate</figcaption></figure>"),
                 ("md", "![{name} performing]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" title=\"{name} in the school play\">"),
                    ("md", "![]({img})\n\n*{name}, Year 4*\n")],
    },
    "reversed-or-lower-case": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{last}, {first} (5B)</figcaption></figure>"),
                 ("md", "![{lower} at the gala]({img})\n")],
        "heldout": [("md", "![]({img})\n\n*{last}, {first} (6C), runner-up*\n"),
                    ("html", "<img src=\"{img}\" alt=\"{lower} receiving award\">")],
    },
    "filename-camelcase": {
        "tune": [("md", "![Award]({dir}{First}{Last}.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}{First}{Last}_2024.jpeg\">")],
    },
    "filename-hyphenated": {
        "tune": [("md", "![Award]({dir}{first_}-{last_}.jpg)\n"),
                 ("html", "<img src=\"{dir}2024-05-01-{first_}-{last_}.jpg\">")],
        "heldout": [("md", "![]({dir}{first_}_{last_}_sports.jpg)\n"),
                    ("html", "<img src=\"{dir}2023-11-20-{first_}-{last_}-award.png\">")],
    },
    "filename-run-together": {
        "tune": [("md", "![]({dir}{first_}{last_}1.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}{first_}{last_}2.jpg\">")],
    },
    # Traps: no full name of a person with the photo.
    "trap-other-language": {
        "tune": [
            ("html_de", "<figure><img src=\"{img}\"><figcaption>Bilder von der Klassenfahrt nach Berlin</figcaption></figure>"),
            ("html_de", "<p><img src=\"{img}\"> Hugo Kuchen und Hai Schwimmen beim Sommerfest</p>"),
            ("html_de", "<img src=\"{img}\" alt=\"Eula Garten mit Kindern der Klasse 3\">"),
            ("md_de", "![]({img})\n\nMia Bilder aus dem Schulgarten\n"),
        ],
        "heldout": [
            ("html_de", "<figure><img src=\"{img}\"><figcaption>Fotos von den Bundesjugendspielen</figcaption></figure>"),
            ("html_de", "<p><img src=\"{img}\"> Emma Mathematik Wettbewerb der Grundschule</p>"),
            ("md_de", "![Hugo Sommer Fest]({img})\n"),
            ("html_fr", "<figure><img src=\"{img}\"><figcaption>Sortie de classe avec Marie Curie Lycée</figcaption></figure>"),
        ],
    },
    "trap-first-name-and-word-filename": {
        "tune": [("md", "![]({dir}{f1_}-headshot.jpg)\n"), ("md", "![]({dir}{f1_}-swim.jpg)\n"),
                 ("html", "<img src=\"{dir}{f1_}-ankle.jpg\">"), ("html", "<img src=\"{dir}{f1_}-stretching.jpg\">")],
        "heldout": [("md", "![]({dir}{f1_}-portrait.jpg)\n"), ("html", "<img src=\"{dir}{f1_}_cartwheel.jpg\">"),
                    ("md", "![]({dir}{f1_}-trampolining.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-selfie-2.jpg\">")],
    },
    "trap-first-names-only": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{f1}, {f2} and {f3} at the fair</figcaption></figure>"),
                 ("md", "![]({dir}{f1_}-{f2_}-{f3_}.jpeg)\n"),
                 ("md", "![{f1} and {f2}]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" alt=\"{f1}, {f2} and {f3} baking\">"),
                    ("md", "![]({dir}{f1_}_{f2_}_{f3_}.jpg)\n\n*{f1} and {f2} on the trip*\n"),
                    ("html", "<p><img src=\"{img}\"></p><p>Well done {f1}, {f2}!</p>")],
    },
    "trap-stock-credit": {
        "tune": [("md", "![]({dir}pexels-{f1_}-{last_}-1234567.jpg)\n"), ("html", "<img src=\"{dir}unsplash-{f1_}-{last_}.jpg\">"),
                 ("md", "![]({dir}shutterstock_{f1_}{last_}_9876.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}pexels-photo-by-{f1_}-{last_}-88231.jpeg\">"),
                    ("md", "![]({dir}adobestock_{f1_}_{last_}_334.jpg)\n"), ("md", "![]({dir}{f1_}-{last_}-unsplash.jpg)\n")],
    },
    "trap-named-after-people": {
        "tune": [
            ("html", "<figure><img src=\"{img}\"><figcaption>Year 6 with the Florence Nightingale Shield</figcaption></figure>"),
            ("md", "![]({img})\n\nOur visit to Nelson Mandela House\n"),
            ("html", "<figure><img src=\"{img}\"><figcaption>Cross country at Victoria Park</figcaption></figure>"),
            ("md", "![The Edith Cavell Cup]({img})\n"),
            ("html", "<img src=\"{img}\" alt=\"Pupils on Harold Wilson Road\">"),
        ],
        "heldout": [
            ("html", "<figure><img src=\"{img}\"><figcaption>Winners of the Mary Seacole Award</figcaption></figure>"),
            ("md", "![]({img})\n\nA morning in Albert Square gardens\n"),
            ("html", "<img src=\"{img}\" alt=\"The Roald Dahl Trophy on display\">"),
            ("md", "![Planting at Grace Darling Memorial]({img})\n"),
            ("html", "<p><img src=\"{img}\"> Choir in Isaac Newton Building</p>"),
        ],
    },
    "trap-no-name": {
        "tune": [("html", "<figure><img src=\"{img}\" alt=\"Pupils planting\"><figcaption>Forest School Friday</figcaption></figure>"),
                 ("md", "![Sports day](/img/sports-day-2024.jpg)\n\nWhat a Great Day Out!\n")],
        "heldout": [("md", "![]({img})\n\n*Harvest Festival Assembly*\n"),
                    ("html", "<img src=\"{img}\" alt=\"Year Two Nativity Play Rehearsal\">")],
    },
}
TRAP_REPEAT = 4        # each trap template is used with this many first names
NAME_REPEAT = 7        # each naming template is used with this many people


def slug(word: str) -> str:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return plain.replace("ı", "i").lower()


def fill(text: str, index: int, person, other, firsts, gs) -> str:
    first, last = person
    return text.format(
        img=f"/images/{index:04d}.jpg", dir=f"/images/c{index:04d}/", name=f"{first} {last}", first=first, last=last,
        first2=other[0], last2=other[1], lower=f"{first} {last}".lower(), gs=f"{gs[0]} {gs[1]}",
        First=slug(first).title(), Last=slug(last).title(), first_=slug(first), last_=slug(last),
        f1=firsts[0], f2=firsts[1], f3=firsts[2], f1_=slug(firsts[0]), f2_=slug(firsts[1]), f3_=slug(firsts[2]),
    )


def gold(kind: str, text: str, person, other, gs) -> list[str]:
    if kind.startswith("trap-"):
        return []
    if kind == "surname-also-given":
        return [f"{gs[0]} {gs[1]}"]
    names = [f"{person[0]} {person[1]}"]
    if "{first2} {last2}" in text:
        names.append(f"{other[0]} {other[1]}")
    return names


def cases(split: str) -> list[dict]:
    rng = random.Random(f"schoollint-issue-10-{split}")
    people, firsts, gss = NAMES[split], FIRSTS[split], GIVEN_SURNAMES[split]
    out = []
    for kind, by_split in T.items():
        for fmt, text in by_split[split]:
            for _ in range(TRAP_REPEAT if kind.startswith("trap-") else NAME_REPEAT):
                index = len(out) + (0 if split == "tune" else 5000)
                person, other = rng.sample(people, 2)
                chosen = rng.sample(firsts, 3)
                gs = rng.choice(gss)
                fmt_name, _, lang = fmt.partition("_")
                out.append({"id": f"{split}-{index:04d}", "kind": kind, "format": fmt_name, "lang": lang or "en",
                            "page": fill(text, index, person, other, chosen, gs),
                            "names": gold(kind, text, person, other, gs)})
    return out


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for split in NAMES:
        found = cases(split)
        (OUT / f"{split}.yaml").write_text(yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=200),
                                           encoding="utf-8")
        pairs = sum(1 for case in found if case["names"])
        print(f"{split}: {len(found)} cases, {pairs} with names, {len(found) - pairs} traps")


if __name__ == "__main__":
    main()
