"""Lower-case names with a chain of particles (issue 10, session 9's known miss "fionn mac an bhaird" reported as
"fionn mac"): an alt text or caption in lower case is read capitalised, and the Irish article after Mac/Nic
stays in lower case there, so "Mac an Bhaird" and "Nic an tSaoir" are one surname, as when capitalised;
Dutch and Spanish chains ("van der", "de los") as before. "mac and cheese" and first names only are no
names. Through the command line, real JPEGs, without a roster."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

ALTS = ("fionn mac an bhaird at the feis", "well done niamh nic an tsaoir (5b)", "eoin mac an tsaoi reading",
        "maría de los santos (4c) on sports day", "daan van der velde (6b) at sports day",
        "mac and cheese day in the canteen", "fionn and niamh at the feis")


def test_lower_case_particle_chains(tmp_path):
    pages = {f"site/{number}.html": html(f'<img src="/images/{number}.jpg" alt="{alt}">')
             for number, alt in enumerate(ALTS)}
    assert names_reported(tmp_path, pages) == {
        "site/0.html": {"fionn mac an bhaird"}, "site/1.html": {"niamh nic an tsaoir"},
        "site/2.html": {"eoin mac an tsaoi"}, "site/3.html": {"maría de los santos"},
        "site/4.html": {"daan van der velde"}}
