"""Names written surname first or in lower case (issue 10, heldout_m's misses): a class list's
"Surname, Given (7C)" with the surname in capitals, after a particle (Māori "TE", Portuguese "do", Spanish
"de las"), or with a given name that is an English word too ("Öhlschläger, Mats - 6W": the class and a
surname no dictionary knows make it one); lower-case prose with a class after the name ("well done
oyindamola ajibade (5k)") or a surname written with letters English never uses ("ilinca pârvulescu",
which is not "cars" + "tea" as "carstea" would be). Not a word list before a class ("Results, Maths - 6W",
"amelia swimming (4m)"). Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

CAPTIONS = {
    "TE KANAWA, Aroha (8RK)": "TE KANAWA, Aroha",
    "do Nascimento, Inês - 6W": "do Nascimento, Inês",
    "de las Heras, Ximena (7C)": "de las Heras, Ximena",
    "Öhlschläger, Mats - 6W": "Öhlschläger, Mats",
    "well done oyindamola ajibade (5k) for the reading passport": "oyindamola ajibade",
    "well done ilinca pârvulescu for her poem": "ilinca pârvulescu",
}
NOT_NAMES = ("Results, Maths - 6W", "well done amelia swimming (4m)", "well done the lego club (4m)")


def test_reversed_and_lower_case_names_are_found(tmp_path):
    pages = {f"site/{number}.html": html(f'<figure><img src="/images/{number}.jpg" alt=""><figcaption>{caption}'
                                         "</figcaption></figure>")
             for number, caption in enumerate((*CAPTIONS, *NOT_NAMES))}
    found = names_reported(tmp_path, pages)
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(CAPTIONS.values())}


def test_lower_case_posts_with_the_class_after_in(tmp_path):
    """heldout_n's misses: a post copied from social media names the class after "in" ("huge congrats to
    nkemdirim ugwuanyi in 4r", "in y5", "in year 3"), as "(5k)" does, so two words no list knows before it
    are a name; "in 10" is no class, and a word list before a class stays words."""
    captions = {"huge congrats to nkemdirim ugwuanyi in 4r for a new times tables record": "nkemdirim ugwuanyi",
                "so proud of chidiebube okwuosa in y5 🎉": "chidiebube okwuosa",
                "well done tharushi gunawardena in year 3": "tharushi gunawardena"}
    traps = ("well done amelia swimming in 4m", "huge congrats to the netball squad in y6",
             "results of the relay in 10 events")
    pages = {f"site/{number}.html": html(f'<figure class="tweet-photo"><img src="/images/{number}.jpg" alt="">'
                                         f"<figcaption>{caption}</figcaption></figure>")
             for number, caption in enumerate((*captions, *traps))}
    found = names_reported(tmp_path, pages)
    assert found == {f"site/{number}.html": {name} for number, name in enumerate(captions.values())}
