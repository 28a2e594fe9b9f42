"""Write the labelled image-text pairs of tests/names/cases/ (run by hand; the output is committed).

    python tests/names/make_cases.py

Each case is one page (HTML, Markdown, Markdown with front matter, or a site
data file) showing one photo, labelled with the full names a reader of the
page would put to that photo (in its file name, alt text or caption). Kinds
follow issue 10: what the rules missed ("caption-next-paragraph", ...) and what
they wrongly reported ("trap-..."). All names are invented, drawn from many
languages.

The splits share no name and no sentence: "tune" may be looked at while
changing the finder; "heldout" was written with it, before any tuning, and
measured after (its misses were then looked at and general fixes followed, so
it is no longer clean); "heldout_b" was written after those fixes, measured,
and looked at too (two more general fixes followed); "heldout_c" was written
after those fixes, measured, and looked at too (three general fixes followed);
"heldout_d" was written after the last change to the finder and is only measured. test_precision.py pins both held-out digests, so an edit shows.
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
    "heldout_b": [
        ("Tilly", "Brocklehurst"), ("Jago", "Pengelly"), ("Nell", "Ainsworth"), ("Otis", "Merriweather"),
        ("Wren", "Hebblethwaite"), ("Felix", "Dunmore"),
        ("Natalia", "Grabowska"), ("Bartosz", "Pawlak"), ("Julia", "Sikora"), ("Igor", "Michalski"),
        ("Greta", "Vogel"), ("Matthias", "Lehmann"), ("Ida", "Hartmann"), ("Moritz", "Fischer"),
        ("Eylül", "Kılıç"), ("Burak", "Doğan"), ("Aslı", "Koç"), ("Onur", "Polat"),
        ("Ifeoluwa", "Adekunle"), ("Oluwaseyi", "Bamidele"), ("Babajide", "Olatunji"), ("Morenike", "Ajayi"),
        ("Khanh", "Ngo"), ("Phuong", "Ly"), ("Duc", "Truong"), ("Hanh", "Do"),
        ("Hira", "Javed"), ("Saad", "Rehman"), ("Amna", "Farooq"), ("Zeeshan", "Mirza"),
        ("Ciarán", "Doherty"), ("Inés", "Navarro"), ("Lorenzo", "Bianchi"), ("Sigrid", "Halvorsen"),
        ("Ama", "Owusu"), ("Arjun", "Venkatesan"),
    ],
    "heldout_c": [
        ("Harriet", "Ollerenshaw"), ("Barnaby", "Quinlan"), ("Edie", "Trelawny"), ("Ezra", "Whitlock"),
        ("Lottie", "Cavendish"), ("Ned", "Ashcroft"),
        ("Aleksandra", "Wojciechowska"), ("Filip", "Jankowski"), ("Kinga", "Zawadzka"), ("Dawid", "Szczepański"),
        ("Frieda", "Schäfer"), ("Lennart", "Krause"), ("Marlene", "Bergmann"), ("Anton", "Richter"),
        ("Irmak", "Güneş"), ("Alp", "Yavuz"), ("Melis", "Aksoy"), ("Tolga", "Erdem"),
        ("Adunni", "Oyewole"), ("Femi", "Adeleke"), ("Yewande", "Ogunbanjo"), ("Kunle", "Fashola"),
        ("Thuy", "Huynh"), ("Long", "Vu"), ("Lan", "Dinh"), ("Viet", "Lam"),
        ("Sana", "Khalid"), ("Fahad", "Anwar"), ("Mahnoor", "Saleem"), ("Rizwan", "Akhtar"),
        ("Róisín", "Keane"), ("Mateus", "Carvalho"), ("Chiara", "Esposito"), ("Linnea", "Bergström"),
        ("Kofi", "Boateng"), ("Meera", "Krishnan"),
    ],
    "heldout_d": [
        ("Imogen", "Fairweather"), ("Rupert", "Oldroyd"), ("Clemmie", "Hargreaves"), ("Albie", "Stansfield"),
        ("Esther", "Pilkington"), ("Fraser", "McAllister"),
        ("Zuzanna", "Nowakowska"), ("Maksymilian", "Wieczorek"), ("Lena", "Kubiak"), ("Tymon", "Baran"),
        ("Johanna", "Weber"), ("Konstantin", "Schmitt"), ("Paula", "Braun"), ("Elias", "Zimmer"),
        ("Nehir", "Toprak"), ("Kaan", "Özdemir"), ("Beren", "Tekin"), ("Emre", "Kurt"),
        ("Tolulope", "Adeyinka"), ("Segun", "Olaniyan"), ("Bukola", "Adesanya"), ("Dayo", "Ogundipe"),
        ("Anh", "Phan"), ("Quoc", "Trinh"), ("Ngoc", "Mai"), ("Bich", "Tang"),
        ("Aleena", "Hussain"), ("Taimur", "Bhatti"), ("Iqra", "Shahzad"), ("Danish", "Nawaz"),
        ("Eabha", "Donnelly"), ("Rafael", "Moreira"), ("Francesca", "Romano"), ("Oskar", "Lindgren"),
        ("Efua", "Mensah"), ("Kavya", "Raman"),
    ],
}
# Surnames that are also given names ("Ruby Francis").
GIVEN_SURNAMES = {
    "tune": [("Ruby", "Francis"), ("Harvey", "Lewis"), ("Evan", "Thomas"), ("Grace", "Stanley"),
             ("Lily", "Henry"), ("Noah", "Gordon")],
    "heldout": [("Millie", "Howard"), ("Oscar", "Elliott"), ("Daisy", "Russell"), ("Leo", "Douglas"),
                ("Ella", "Dean"), ("Jack", "Neville")],
    "heldout_b": [("Poppy", "James"), ("Alfie", "Morgan"), ("Erin", "Frank"), ("Rosie", "Marshall"),
                  ("Isaac", "Dennis"), ("Maya", "Arthur")],
    "heldout_c": [("Freddie", "Lawrence"), ("Martha", "George"), ("Sophie", "Clement"), ("Toby", "Howell"),
                  ("Amber", "Mitchell"), ("Louis", "Bennett")],
    "heldout_d": [("Ella", "Grant"), ("Jacob", "Ellis"), ("Holly", "Glenn"), ("Archie", "Neal"),
                  ("Lucy", "Wallace"), ("Sam", "Harvey")],
}
# First names only, for traps.
FIRSTS = {"tune": ["Heather", "Sarah", "Hannah", "Freya", "Noah", "Amara", "Kacper", "Leyla"],
          "heldout": ["Imogen", "Bethany", "Connor", "Tobias", "Anaya", "Wiktor", "Selin", "Chidi"],
          "heldout_b": ["Matilda", "Seren", "Rafferty", "Nkechi", "Jasmin", "Zoltan", "Priya", "Elodie"],
          "heldout_c": ["Beatrix", "Cerys", "Lorcan", "Ngozi", "Yasmin", "Mateo", "Aisha", "Hamish"],
          "heldout_d": ["Phoebe", "Idris", "Niamh", "Tomasz", "Layla", "Kit", "Ananya", "Ezekiel"]}

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
        "heldout_b": [
            ("md", "Our trip to the coast.\n\n![A windy beach]({img})\n\nThat's {name} braving the waves!\n"),
            ("html", "<p><a href=\"{img}\"><img src=\"{img}\" width=\"300\"></a></p>\n<p>Well played, {name}.</p>"),
            ("md", "![]({img} \"Finals\")\n\n{name} lifts the shield for 7R.\n"),
            ("html", "<div class=\"post-content\"><p><img src=\"{img}\" class=\"aligncenter\"></p><p>Huge congratulations to {name}!</p></div>"),
        ],
        "heldout_c": [
            ("md", "## Swimming gala\n\n![]({img})\n\nA personal best for {name} in the 50m freestyle.\n"),
            ("html", "<div class=\"entry-content\">\n<p><img src=\"{img}\" alt=\"\"></p>\n<p>{name} represented the county this weekend.</p>\n</div>"),
            ("md", "[![Medal]({img})]({img})\n\nCongratulations {name}!\n"),
            ("html", "<section><p><a href=\"{img}\"><img src=\"{img}\"></a></p><p>Brilliant effort from {name} in the cross-country.</p></section>"),
        ],
        "heldout_d": [
            ("md", "![](/img/sports/{imgname})\n\n{name} finished first in the egg and spoon race.\n"),
            ("html", "<article><p><img src=\"{img}\" width=\"600\" height=\"400\"></p>\n<p>Here's {name} with the science prize.</p></article>"),
            ("md", "Some news.\n\n![Prize]({img})\n\nWell done {name}, a fantastic achievement.\n"),
            ("html", "<div class=\"news-body\"><figure><a href=\"{img}\"><img src=\"{img}\"></a></figure><p>{name} at the regional final.</p></div>"),
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
        "heldout_b": [
            ("html", "<table class=\"results\"><tr><td><img src=\"{img}\"></td><td>1st place: {name}</td></tr></table>"),
            ("html", "<table><tr><td><img src=\"{img}\"></td><td><img src=\"/img/other2.jpg\"></td></tr><tr><td>{name}</td><td>Year 3</td></tr></table>"),
        ],
        "heldout_c": [
            ("html", "<table><tr><td><img src=\"{img}\"></td><td>{name} (Year 4)</td></tr></table>"),
            ("html", "<table><thead><tr><th>Photo</th><th>Pupil</th></tr></thead><tr><td><img src=\"{img}\"></td><td>{name}</td></tr></table>"),
        ],
        "heldout_d": [
            ("html", "<table><tr><td><a href=\"{img}\"><img src=\"{img}\"></a></td><td>Awarded to {name}</td></tr></table>"),
            ("html", "<table><tr><td><img src=\"{img}\"></td><td><img src=\"/img/other4.jpg\"></td></tr><tr><td>{name}</td><td>Year 1</td></tr></table>"),
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
        "heldout_b": [
            ("md", "![]({img})\n\nFrom left: {name}, {first2} {last2}.\n"),
            ("html", "<figure class=\"wp-block-image\"><img src=\"{img}\"></figure><p>Pictured (left to right): {name} and {first2} {last2}</p>"),
            ("md", "![]({img})\n\n_Above: {name} collecting the award._\n"),
        ],
        "heldout_c": [
            ("md", "![]({img})\n\nL-R: {name} and {first2} {last2}\n"),
            ("html", "<p><img src=\"{img}\"></p><p>Photographed: {name} with Mr Hughes.</p>"),
            ("md", "![]({img})\n\n*Image above shows {name} on the podium.*\n"),
        ],
        "heldout_d": [
            ("md", "![]({img})\n\nLeft to right: {name}, {first2} {last2}\n"),
            ("html", "<p><img src=\"{img}\"></p><p><em>Pictured:</em> {name} receiving her badge</p>"),
            ("md", "![]({img})\n\n**Photo above:** {name} and {first2} {last2}\n"),
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
        "heldout_b": [
            ("html", "<article class=\"staff-profile\"><figure class=\"staff-photo\"><img src=\"{img}\"></figure><h2 class=\"staff-name\">{name}</h2><p>Teaching assistant</p></article>"),
            ("html", "<ul><li class=\"team-member\"><span class=\"thumb\"><img src=\"{img}\"></span><strong>{name}</strong> - Treasurer</li></ul>"),
            ("html", "<div class=\"grid\"><div class=\"tile\"><div class=\"tile-media\"><img src=\"{img}\"></div><p class=\"tile-caption\">{name}</p></div><div class=\"tile\"><div class=\"tile-media\"><img src=\"/img/other3.jpg\"></div><p class=\"tile-caption\">Our garden</p></div></div>"),
        ],
        "heldout_c": [
            ("html", "<div class=\"person-card\"><div class=\"person-card__image\"><img src=\"{img}\"></div><div class=\"person-card__name\">{name}</div></div>"),
            ("html", "<div class=\"team-grid\"><div class=\"team-item\"><a href=\"#\"><img src=\"{img}\"></a><h4>{name}</h4></div></div>"),
            ("html", "<div class=\"profile-box\"><div class=\"pic\"><img src=\"{img}\"></div><p class=\"name\">{name}</p><p>Parent governor</p></div>"),
        ],
        "heldout_d": [
            ("html", "<div class=\"staff-card\"><div class=\"staff-card-image\"><img src=\"{img}\"></div><h3 class=\"staff-card-title\">{name}</h3><span>Class teacher</span></div>"),
            ("html", "<ul class=\"people\"><li><figure><img src=\"{img}\"></figure><span class=\"caption\">{name}</span></li></ul>"),
            ("html", "<div class=\"wp-block-media-text\"><figure class=\"wp-block-media-text__media\"><img src=\"{img}\"></figure><div class=\"wp-block-media-text__content\"><p>{name}, our new chair of governors.</p></div></div>"),
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
        "heldout_b": [
            ("fm", "---\ntitle: Meet the council\nmembers:\n  - name: {name}\n    avatar: {img}\n---\n"),
            ("fm", "---\ntitle: \"{name}: county champion\"\nthumbnail_image: {img}\n---\nText.\n"),
            ("data", "prefects:\n  - caption: {name}, Head Girl\n    src: {img}\n"),
        ],
        "heldout_c": [
            ("fm", "---\ntitle: Our eco council\nteam:\n  - person: {name}\n    photo: {img}\n---\n"),
            ("fm", "---\ntitle: {name} joins the county squad\nfeature_img: {img}\n---\nText.\n"),
            ("data", "- name: {name}\n  image_url: {img}\n  position: Head Boy\n"),
        ],
        "heldout_d": [
            ("fm", "---\ntitle: School council\ncouncil:\n  - name: {name}\n    img: {img}\n    form: 5C\n---\n"),
            ("fm", "---\ntitle: {name} wins the poetry prize\nbanner_image: {img}\n---\nText.\n"),
            ("data", "staff:\n  - fullName: {name}\n    photo: {img}\n    job: Teaching assistant\n"),
        ],
    },
    "surname-also-given": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{gs} wins the chess cup</figcaption></figure>"),
                 ("md", "![{gs} reading]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" alt=\"{gs} on the climbing wall\">"),
                    ("md", "![]({img})\n\n*{gs} at the science fair*\n")],
        "heldout_b": [("html", "<figure><img src=\"{img}\" alt=\"Award winner\"><figcaption>{gs}, Year 2</figcaption></figure>"),
                      ("md", "![{gs} with her painting]({img})\n")],
        "heldout_c": [("html", "<figure><img src=\"{img}\"><figcaption>Star reader: {gs}</figcaption></figure>"),
                      ("md", "![]({img})\n\n*{gs} at the book fair*\n")],
        "heldout_d": [("html", "<img src=\"{img}\" alt=\"{gs} playing the violin\">"),
                      ("md", "![]({img})\n\n{gs} (Year 5) on the climbing frame\n")],
    },
    "non-english-names": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{name} with her certificate</figcaption></figure>"),
                 ("md", "![{name} performing]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" title=\"{name} in the school play\">"),
                    ("md", "![]({img})\n\n*{name}, Year 4*\n")],
        "heldout_b": [("html", "<a href=\"{img}\" data-caption=\"{name} at the art exhibition\"><img src=\"{img}\"></a>"),
                      ("md", "![]({img})\n\n**{name}** won the spelling bee\n")],
        "heldout_c": [("html", "<img src=\"{img}\" alt=\"{name} holding the trophy\">"),
                      ("md", "![]({img})\n\nThis week's star: {name}\n")],
        "heldout_d": [("html", "<figure><img src=\"{img}\"><figcaption>Well done {name}!</figcaption></figure>"),
                      ("md", "![{name} with her medal]({img})\n")],
    },
    "reversed-or-lower-case": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{last}, {first} (5B)</figcaption></figure>"),
                 ("md", "![{lower} at the gala]({img})\n")],
        "heldout": [("md", "![]({img})\n\n*{last}, {first} (6C), runner-up*\n"),
                    ("html", "<img src=\"{img}\" alt=\"{lower} receiving award\">")],
        "heldout_b": [("html", "<p><img src=\"{img}\"></p><p>{last}, {first} (4M) - attendance award</p>"),
                      ("md", "![well done {lower}]({img})\n")],
        "heldout_c": [("html", "<figure><img src=\"{img}\"><figcaption>{last}, {first} - Year 6</figcaption></figure>"),
                      ("html", "<img src=\"{img}\" alt=\"{lower} at sports day\">")],
        "heldout_d": [("html", "<figure><img src=\"{img}\"><figcaption>{last}, {first} (Y4)</figcaption></figure>"),
                      ("md", "![photo of {lower}]({img})\n")],
    },
    "filename-camelcase": {
        "tune": [("md", "![Award]({dir}{First}{Last}.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}{First}{Last}_2024.jpeg\">")],
        "heldout_b": [("md", "![]({dir}{First}{Last}Portrait.jpg)\n")],
        "heldout_c": [("html", "<img src=\"{dir}{First}{Last}.png\">")],
        "heldout_d": [("md", "![]({dir}{First}{Last}Award.jpg)\n")],
    },
    "filename-hyphenated": {
        "tune": [("md", "![Award]({dir}{first_}-{last_}.jpg)\n"),
                 ("html", "<img src=\"{dir}2024-05-01-{first_}-{last_}.jpg\">")],
        "heldout": [("md", "![]({dir}{first_}_{last_}_sports.jpg)\n"),
                    ("html", "<img src=\"{dir}2023-11-20-{first_}-{last_}-award.png\">")],
        "heldout_b": [("html", "<img src=\"{dir}{first_}-{last_}-year6.jpg\">"),
                      ("md", "![]({dir}sports-day-{first_}-{last_}.jpg)\n")],
        "heldout_c": [("md", "![]({dir}{first_}-{last_}-2025.jpg)\n"),
                      ("html", "<img src=\"{dir}award-{first_}_{last_}.jpg\">")],
        "heldout_d": [("html", "<img src=\"{dir}{first_}-{last_}.jpeg\">"),
                      ("md", "![]({dir}2025_{first_}_{last_}_medal.jpg)\n")],
    },
    "filename-run-together": {
        "tune": [("md", "![]({dir}{first_}{last_}1.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}{first_}{last_}2.jpg\">")],
        "heldout_b": [("md", "![]({dir}{first_}{last_}.jpg)\n")],
        "heldout_c": [("html", "<img src=\"{dir}{first_}{last_}_01.jpg\">")],
        "heldout_d": [("md", "![]({dir}{first_}{last_}2025.jpg)\n")],
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
        "heldout_b": [
            ("html_de", "<figure><img src=\"{img}\"><figcaption>Unsere Klasse beim Wandertag im Stadtpark</figcaption></figure>"),
            ("html_de", "<img src=\"{img}\" alt=\"Kinder von der Theater AG beim Auftritt\">"),
            ("md_de", "![]({img})\n\nBilder vom Sportfest der Grundschule\n"),
            ("html_nl", "<figure><img src=\"{img}\"><figcaption>Foto's van de schoolreis naar Den Haag</figcaption></figure>"),
        ],
        "heldout_c": [
            ("html_de", "<figure><img src=\"{img}\"><figcaption>Ausflug der Klasse 4b zum Tierpark</figcaption></figure>"),
            ("md_de", "![Schüler beim Vorlesewettbewerb]({img})\n"),
            ("html_fr", "<figure><img src=\"{img}\"><figcaption>Fête de fin d'année de l'école</figcaption></figure>"),
            ("html_es", "<img src=\"{img}\" alt=\"Alumnos de primaria en la Semana Cultural\">"),
        ],
        "heldout_d": [
            ("html_de", "<figure><img src=\"{img}\"><figcaption>Spiel und Spaß beim Schulfest im Juni</figcaption></figure>"),
            ("md_de", "![]({img})\n\nDie Kinder der Klasse 2a besuchen die Feuerwehr\n"),
            ("html_fr", "<img src=\"{img}\" alt=\"Les élèves de CM2 au musée\">"),
            ("html_de", "<p><img src=\"{img}\"> Sommer Konzert der Schulband</p>"),
        ],
    },
    "trap-first-name-and-word-filename": {
        "tune": [("md", "![]({dir}{f1_}-headshot.jpg)\n"), ("md", "![]({dir}{f1_}-swim.jpg)\n"),
                 ("html", "<img src=\"{dir}{f1_}-ankle.jpg\">"), ("html", "<img src=\"{dir}{f1_}-stretching.jpg\">")],
        "heldout": [("md", "![]({dir}{f1_}-portrait.jpg)\n"), ("html", "<img src=\"{dir}{f1_}_cartwheel.jpg\">"),
                    ("md", "![]({dir}{f1_}-trampolining.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-selfie-2.jpg\">")],
        "heldout_b": [("md", "![]({dir}{f1_}-painting.jpg)\n"), ("html", "<img src=\"{dir}{f1_}_medal_2024.jpg\">"),
                      ("md", "![]({dir}{f1_}-skipping.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-sandpit.jpg\">")],
        "heldout_c": [("md", "![]({dir}{f1_}-drawing.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-bakesale.jpg\">"),
                      ("md", "![]({dir}{f1_}_handstand.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-recorder-2.jpg\">")],
        "heldout_d": [("md", "![]({dir}{f1_}-football.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-sculpture.jpg\">"),
                      ("md", "![]({dir}{f1_}_reading_corner.jpg)\n"), ("html", "<img src=\"{dir}{f1_}-gymnastics-1.jpg\">")],
    },
    "trap-first-names-only": {
        "tune": [("html", "<figure><img src=\"{img}\"><figcaption>{f1}, {f2} and {f3} at the fair</figcaption></figure>"),
                 ("md", "![]({dir}{f1_}-{f2_}-{f3_}.jpeg)\n"),
                 ("md", "![{f1} and {f2}]({img})\n")],
        "heldout": [("html", "<img src=\"{img}\" alt=\"{f1}, {f2} and {f3} baking\">"),
                    ("md", "![]({dir}{f1_}_{f2_}_{f3_}.jpg)\n\n*{f1} and {f2} on the trip*\n"),
                    ("html", "<p><img src=\"{img}\"></p><p>Well done {f1}, {f2}!</p>")],
        "heldout_b": [("html", "<p><img src=\"{img}\"></p><p>{f1}, {f2}, {f3} and friends</p>"),
                      ("md", "![]({dir}{f1_}-and-{f2_}.jpg)\n"), ("md", "![]({img})\n\n*{f1} & {f2} in the garden*\n")],
        "heldout_c": [("html", "<figure><img src=\"{img}\"><figcaption>{f1} and {f2}</figcaption></figure>"),
                      ("md", "![]({dir}{f1_}_{f2_}.jpg)\n\n{f1}, {f2} and {f3} with their model volcano\n"),
                      ("html", "<img src=\"{img}\" alt=\"{f1} reading to {f2}\">")],
        "heldout_d": [("html", "<figure><img src=\"{img}\"><figcaption>{f1}, {f2} and {f3}</figcaption></figure>"),
                      ("md", "![]({dir}{f1_}-{f2_}-{f3_}-trip.jpg)\n"), ("md", "![{f1} helping {f2}]({img})\n")],
    },
    "trap-stock-credit": {
        "tune": [("md", "![]({dir}pexels-{f1_}-{last_}-1234567.jpg)\n"), ("html", "<img src=\"{dir}unsplash-{f1_}-{last_}.jpg\">"),
                 ("md", "![]({dir}shutterstock_{f1_}{last_}_9876.jpg)\n")],
        "heldout": [("html", "<img src=\"{dir}pexels-photo-by-{f1_}-{last_}-88231.jpeg\">"),
                    ("md", "![]({dir}adobestock_{f1_}_{last_}_334.jpg)\n"), ("md", "![]({dir}{f1_}-{last_}-unsplash.jpg)\n")],
        "heldout_b": [("md", "![]({dir}pexels-{f1_}-{last_}-2204.jpeg)\n"), ("html", "<img src=\"{dir}pixabay-{f1_}{last_}-55.jpg\">"),
                      ("md", "![]({dir}istock-{f1_}-{last_}.jpg)\n")],
        "heldout_c": [("html", "<img src=\"{dir}pexels-{f1_}-{last_}-78125.jpg\">"), ("md", "![]({dir}{f1_}-{last_}-unsplash-hero.jpg)\n"),
                      ("html", "<img src=\"{dir}gettyimages-{f1_}{last_}.jpg\">")],
        "heldout_d": [("md", "![]({dir}pexels-{f1_}-{last_}-99812.jpg)\n"), ("html", "<img src=\"{dir}shutterstock_{f1_}_{last_}.jpg\">"),
                      ("md", "![]({dir}{f1_}-{last_}-unsplash.jpg)\n")],
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
        "heldout_b": [
            ("html", "<figure><img src=\"{img}\"><figcaption>Presenting the Margaret Thorne Trophy</figcaption></figure>"),
            ("md", "![]({img})\n\nA sunny day in Queen Elizabeth Park\n"),
            ("html", "<img src=\"{img}\" alt=\"Our new Edward Jenner Wing\">"),
            ("md", "![Runners on Winston Avenue]({img})\n"),
            ("html", "<p><img src=\"{img}\"> Year 5 visit the Jane Austen Centre</p>"),
        ],
        "heldout_c": [
            ("html", "<figure><img src=\"{img}\"><figcaption>Winners of the Arthur Pemberton Cup</figcaption></figure>"),
            ("md", "![]({img})\n\nPond dipping at Ruskin Park\n"),
            ("html", "<img src=\"{img}\" alt=\"Outside Millicent Fawcett Hall\">"),
            ("md", "![The Agnes Marshall Memorial Garden]({img})\n"),
            ("html", "<p><img src=\"{img}\"> Year 2 at the Henry Moore Foundation</p>"),
        ],
        "heldout_d": [
            ("html", "<figure><img src=\"{img}\"><figcaption>The Dorothy Hodgkin Science Award</figcaption></figure>"),
            ("md", "![]({img})\n\nA picnic at Clissold Park\n"),
            ("html", "<img src=\"{img}\" alt=\"Visiting the Charles Darwin Centre\">"),
            ("md", "![Walking along Gladstone Street]({img})\n"),
            ("html", "<p><img src=\"{img}\"> Concert in the Elgar Room</p>"),
        ],
    },
    "trap-no-name": {
        "tune": [("html", "<figure><img src=\"{img}\" alt=\"Pupils planting\"><figcaption>Forest School Friday</figcaption></figure>"),
                 ("md", "![Sports day](/img/sports-day-2024.jpg)\n\nWhat a Great Day Out!\n")],
        "heldout": [("md", "![]({img})\n\n*Harvest Festival Assembly*\n"),
                    ("html", "<img src=\"{img}\" alt=\"Year Two Nativity Play Rehearsal\">")],
        "heldout_b": [("md", "![]({img})\n\n*Reception Class Teddy Bears Picnic*\n"),
                      ("html", "<img src=\"{img}\" alt=\"Sports Day Egg And Spoon Race\">")],
        "heldout_c": [("md", "![]({img})\n\n*World Book Day Costume Parade*\n"),
                      ("html", "<img src=\"{img}\" alt=\"Key Stage Two Science Fair Winners\">")],
        "heldout_d": [("md", "![]({img})\n\n*Red Nose Day Bake Sale*\n"),
                      ("html", "<img src=\"{img}\" alt=\"Year Four Roman Shield Making\">")],
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
        img=f"/images/{index:04d}.jpg", imgname=f"{index:04d}.jpg", dir=f"/images/c{index:04d}/", name=f"{first} {last}", first=first, last=last,
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
                index = len(out) + {"tune": 0, "heldout": 5000, "heldout_b": 9000, "heldout_c": 13000, "heldout_d": 17000}[split]
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
