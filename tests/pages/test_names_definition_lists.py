"""A "Meet the team" description list (issue 10, heldout_o's meet-the-team-dl misses): the `<dt>` names the
person whose photo is in a `<dd>` of its group, or the photo is in the `<dt>` and the name in the `<dd>`;
read through the command line on real HTML pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

TEAM = '''<h2>Meet the team</h2>
<dl class="team">
  <dt>Evadne Marchbanks-Oyelowo</dt>
  <dd><img src="/images/t/1.jpg" alt="" width="150" height="150"></dd>
  <dd>Special educational needs coordinator</dd>
  <dt>Leontius Abernethy-Kwarteng</dt>
  <dd><img src="/images/t/2.jpg" alt="" width="150" height="150"></dd>
  <dd>Family support worker</dd>
</dl>'''


def test_the_term_above_the_photo_names_it_and_only_its_own(tmp_path):
    found = lint(tmp_path / "s", {"site/team.html": html(TEAM)})
    assert sorted(value for _code, _path, value in found) == ["Evadne Marchbanks-Oyelowo",
                                                              "Leontius Abernethy-Kwarteng"]


def test_the_photo_in_the_term_and_the_name_in_the_description_in_div_groups(tmp_path):
    flipped = html('''<dl>
  <div><dt><img src="/images/u/1.jpg" alt=""></dt><dd>Ptolemy Stackhouse-Adebayo</dd><dd>Head boy</dd></div>
  <div><dt><img src="/images/u/2.jpg" alt=""></dt><dd>Clementine Vasquez-Ormerod</dd></div>
</dl>''')
    found = lint(tmp_path / "s", {"site/flipped.html": flipped})
    assert sorted(value for _code, _path, value in found) == ["Clementine Vasquez-Ormerod",
                                                              "Ptolemy Stackhouse-Adebayo"]


def test_a_glossary_without_photos_in_its_groups_names_no_photo(tmp_path):
    """The trap: a photo before a description list is not in any of its groups."""
    glossary = html('<p><img src="/images/v/1.jpg" alt=""></p>\n<h3>Houses</h3>\n<dl><dt>Brunel</dt><dd>Named after '
                    'Isambard Kingdom Brunel</dd></dl>')
    assert lint(tmp_path / "s", {"site/houses.html": glossary}) == []


def test_a_components_description_list_mapped_from_an_array(tmp_path):
    team = '''const team = [
  { name: "Araminta Oyinlola-Pryce", photo: "/images/w/1.jpg", role: "SENCo" },
  { name: "Tobiah Fenwick-Adjei", photo: "/images/w/2.jpg", role: "Family support" },
];

export default function Team() {
  return (
    <dl className="team">
      {team.map((p) => (
        <div key={p.name}>
          <dt>{p.name}</dt>
          <dd><img src={p.photo} alt="" width={150} height={150} /></dd>
          <dd>{p.role}</dd>
        </div>
      ))}
    </dl>
  );
}
'''
    found = lint(tmp_path / "s", {"src/Team.jsx": team})
    assert sorted(value for _code, _path, value in found) == ["Araminta Oyinlola-Pryce", "Tobiah Fenwick-Adjei"]
