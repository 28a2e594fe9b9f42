"""The shapes of real school sites a safeguarding lead meets (issue 10, session 7), one test per kind,
through the command line on real sites (pages and JPEGs in a temporary folder). Each kind is also
measured, with its traps, in tests/names/cases/tune_sites.yaml (test_precision_site_shapes.py); the names
here are invented and in no labelled split.
"""

from __future__ import annotations

import pytest

from tests.names.test_issue10_kinds import html, lint, names


def test_wordpress_image_and_gallery_blocks_with_figcaption(tmp_path):
    page = html('''<!-- wp:image {"id":31} -->
<figure class="wp-block-image size-large"><img src="/images/wp/a-1024x768.jpg" alt="" class="wp-image-31"/>
<figcaption class="wp-element-caption">Rosamund Achterhof on the beam</figcaption></figure>
<!-- /wp:image -->
<!-- wp:gallery -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":32} -->
<figure class="wp-block-image"><img src="/images/wp/b.jpg" alt="" class="wp-image-32"/>
<figcaption class="wp-element-caption">Bartholomew Nkemelu</figcaption></figure><!-- /wp:image -->
<figcaption class="blocks-gallery-caption">Gymnastics club</figcaption></figure><!-- /wp:gallery -->''')
    assert names(lint(tmp_path / "s", {"site/gym/index.html": page})) == {"Rosamund Achterhof", "Bartholomew Nkemelu"}


def test_wordpress_classic_caption_shortcode(tmp_path):
    found = lint(tmp_path / "s", {
        "site/p.html": html('<p>[caption id="attachment_9" width="300"]<img src="/images/wp/c.jpg" alt="" /> '
                            'Evangelina Szczepanik receives the cup[/caption]</p>'),
        "content/posts/q.md": '[caption id="attachment_10"]![](/images/wp/d.jpg) Torvald Haugeland reading[/caption]\n',
    })
    assert names(found) == {"Evangelina Szczepanik", "Torvald Haugeland"}


def test_hugo_figure_shortcodes_with_caption_alt_or_a_gallerys_link(tmp_path):
    page = ('---\ntitle: Chess\n---\n'
            '{{< figure src="/images/h1.jpg" caption="Ottilie Brandsma, under-9 champion" >}}\n\n'
            '{{< figure src="/images/h2.jpg" alt="Ignatius Okereke-Doyle at the board" >}}\n\n{{< gallery >}}\n'
            '{{< figure link="/images/h3.jpg" caption="Fenella Quarrington" >}}\n{{< /gallery >}}\n'
            '{{< figure link="/news/" src="/images/h4.jpg" caption="The Stanley Matthews Trophy" >}}\n')
    assert names(lint(tmp_path / "s", {"content/news/chess.md": page})) == {
        "Ottilie Brandsma", "Ignatius Okereke-Doyle", "Fenella Quarrington"}


def test_jekyll_include_image_and_figure(tmp_path):
    page = ('---\nlayout: post\n---\n'
            '{% include image.html url="/images/j1.jpg" description="Cosimo Abernethy-Yeo" %}\n\n'
            '{% include figure image_path="/images/j2.jpg" alt="" caption="Pottery by Wilhelmina Osei-Tutu" %}\n\n'
            '{% include image.html url="/images/j3.jpg" description="The new Rachel Carson Garden" %}\n')
    assert names(lint(tmp_path / "s", {"_posts/2024-01-05-art.md": page})) == {
        "Cosimo Abernethy-Yeo", "Wilhelmina Osei-Tutu"}


def test_eleventy_data_files_and_a_nunjucks_loop_then_a_photo(tmp_path):
    found = lint(tmp_path / "s", {
        "src/_data/governors.json": '[{"name": "Philippa Oyelaran-Stone", "photo": "/img/g1.jpg"}]\n',
        "src/governors.njk": ('---\nlayout: base.njk\n---\n<ul>{% for g in governors %}<li><img src="{{ g.photo }}" '
                              'alt=""><h3>{{ g.name }}</h3></li>{% endfor %}</ul>\n<img src="/img/board.jpg" alt="">\n'
                              '<p>Clerk: Leocadia Brzezinska</p>\n'),
    })
    assert names(found) == {"Philippa Oyelaran-Stone", "Leocadia Brzezinska"}


@pytest.mark.parametrize("attribute", ['data-lightbox="g" data-title', "data-fancybox data-caption",
                                       'class="glightbox" data-description', "title",
                                       'class="glightbox" data-glightbox', 'data-toggle="lightbox" data-footer'])
def test_lightbox_caption_attributes(tmp_path, attribute):
    page = html(f'<a href="/images/big.jpg" {attribute}="Caspar Wolanski-Reid, long jump">'
                '<img src="/images/t.jpg" alt=""></a>')
    assert names(lint(tmp_path / "s", {"site/gallery.html": page})) == {"Caspar Wolanski-Reid"}


def test_team_table_beside_a_photo_in_html_and_markdown(tmp_path):
    found = lint(tmp_path / "s", {
        "site/netball.html": html('<img src="/images/squad.jpg" alt="Squad">'
                                  '<table><tr><th>Position</th><th>Player</th></tr>'
                                  '<tr><td>GS</td><td>Marguerite Onwuachi</td></tr>'
                                  '<tr><td>GD</td><td>Henrietta Szabo-Lind</td></tr></table>'),
        "content/football.md": ("![Team photo](/images/u9.jpg)\n\n| No. | Player |\n| --- | --- |\n"
                                "| 1 | Lysander Mwangi-Holt |\n| 7 | Crispin Adeyoola |\n"),
        "site/fixtures.html": html('<img src="/images/fx.jpg" alt=""><table><tr><td>12 Oct</td>'
                                   '<td>Bishop Wordsworth</td><td>Victoria Park</td></tr></table>'),
    })
    assert names(found) == {"Marguerite Onwuachi", "Henrietta Szabo-Lind", "Lysander Mwangi-Holt", "Crispin Adeyoola"}


def test_names_in_the_heading_above_a_photo(tmp_path):
    found = lint(tmp_path / "s", {
        "site/staff.html": html('<section><h3>Augustin Ferreira-Blake</h3><img src="/images/s1.jpg" alt="">'
                                '<p>Deputy Head</p><h3>Clementine Oduya</h3><img src="/images/s2.jpg" alt="">'
                                '<p>SENCo</p></section>'),
        "content/office.md": "### Bertrand Ellingsen-Koh\n\n![](/images/s3.jpg)\n\nBursar.\n",
        "content/sports.md": "## Sports Day 2024\n\n![](/images/s4.jpg)\n\n### Frances Bardsley Shield\n\n"
                             "![](/images/s5.jpg)\n",
    })
    assert names(found) == {"Augustin Ferreira-Blake", "Clementine Oduya", "Bertrand Ellingsen-Koh"}


def test_staff_data_files_in_json_and_yaml(tmp_path):
    found = lint(tmp_path / "s", {
        "data/staff.yaml": "teachers:\n  - name: Leontyne Abara\n    photo: /images/st1.jpg\n",
        "data/staff.json": '{"staff": [{"firstName": "Radomir", "lastName": "Okpara-Wills", '
                           '"headshot": "/images/st2.jpg"}]}\n',
        "data/clubs.yaml": "- name: Ada Lovelace Coding Club\n  photo: /images/st3.jpg\n",
    })
    assert names(found) == {"Leontyne Abara", "Radomir Okpara-Wills"}


def test_mdx_gallery_of_objects_in_an_array_prop_or_a_const(tmp_path):
    found = lint(tmp_path / "s", {
        "content/trip.mdx": ("import Gallery from '../components/Gallery'\n\n<Gallery images={[\n"
                             '  { src: "/images/m1.jpg", caption: "Anatole Ikwuemesi on the zip wire" },\n'
                             '  { src: "/images/m2.jpg", caption: "Campfire songs" },\n]} />\n'),
        "content/art.mdx": ('export const works = [{ image: "/images/m3.jpg", artist: "Seraphina Kowalewska" }]\n\n'
                            "<ArtGallery items={works} />\n"),
    })
    assert names(found) == {"Anatole Ikwuemesi", "Seraphina Kowalewska"}


@pytest.mark.parametrize("caption", ["Match report: Bishop Wordsworth 3, Kingsmead 1", "Feast of St Oliver Plunkett",
                                     "Statue of Lady Margaret Beaufort", "Cardinal Vaughan singers",
                                     "Photo: Ingeborg Solheim Photography"])
def test_schools_and_churches_named_after_someone_and_photographers_studios(tmp_path, caption):
    page = html(f'<figure><img src="/images/n.jpg" alt=""><figcaption>{caption}</figcaption></figure>')
    assert lint(tmp_path / "s", {"site/n.html": page}) == []


def test_the_sites_default_language_chooses_the_word_lists(tmp_path):
    """hugo.toml's defaultContentLanguage is the language of pages that name none (issue 10: "the site's
    default language"); Welsh now has a word list, so its words are words and its names are names."""
    files = {"hugo.toml": 'defaultContentLanguage = "cy"\n',
             "content/eisteddfod.md": "![](/images/c1.jpg)\n\nDawnsio Gwerin\n\n![](/images/c2.jpg)\n\n"
                                      "Llongyfarchiadau Gwenllian Prys\n"}
    assert names(lint(tmp_path / "s", files)) == {"Gwenllian Prys"}


def test_wordpress_rendered_captions_media_text_and_cover_blocks(tmp_path):
    page = html('''<div id="attachment_7" class="wp-caption aligncenter"><img src="/images/wp/e.jpg" alt="" />
<p class="wp-caption-text">Cordula Nwosu-Fairbairn, chess champion</p></div>
<div class="wp-block-media-text"><figure class="wp-block-media-text__media">
<img src="/images/wp/f.jpg" alt=""/></figure>
<div class="wp-block-media-text__content"><p>Emmerich Asante-Doyle meets the author.</p></div></div>
<div class="wp-block-cover"><img class="wp-block-cover__image-background" alt="" src="/images/wp/g.jpg"/>
<div class="wp-block-cover__inner-container"><h2>Head boy Tiberius Okwuosa</h2></div></div>''')
    assert names(lint(tmp_path / "s", {"site/wp.html": page})) == {
        "Cordula Nwosu-Fairbairn", "Emmerich Asante-Doyle", "Tiberius Okwuosa"}


def test_eleventy_image_shortcode_in_nunjucks_and_markdown(tmp_path):
    found = lint(tmp_path / "s", {
        "src/news/concert.njk": ('---\ntitle: Concert\n---\n'
                                 '{% image "./src/images/e1.jpg", "Soloist Albertine Nkemdirim" %}\n'),
        "src/news/art.md": "{%- image './src/images/e2.jpg', 'Prize winner Evander Oyelowo-Tate', '100vw' -%}\n",
        "src/news/trip.njk": '{% image "./src/images/e3.jpg", "Boarding the coach at Temple Meads" %}\n',
    })
    assert names(found) == {"Albertine Nkemdirim", "Evander Oyelowo-Tate"}


def test_a_list_right_below_a_photo_is_its_caption(tmp_path):
    found = lint(tmp_path / "s", {
        "content/athletics.md": ("![](/images/l1.jpg)\n\n- Winifred Ashworth-Nnadi (800 m)\n"
                                 "- Barnabas Oyedepo (long jump)\n"),
        "site/relay.html": html('<img src="/images/l2.jpg" alt=""><ol><li>Philomena Grzybowska</li>'
                                '<li>Leopoldine Achebe-Walsh</li></ol>'),
        "content/results.md": "![](/images/l3.jpg)\n\n- Kestrel House\n- Osprey House\n",
    })
    assert names(found) == {"Winifred Ashworth-Nnadi", "Barnabas Oyedepo", "Philomena Grzybowska",
                            "Leopoldine Achebe-Walsh"}


def test_staff_data_in_jekyll_csv_toml_and_nested_cms_objects(tmp_path):
    found = lint(tmp_path / "s", {
        "_data/staff.csv": "name,role,photo\nAurelia Okonjo-Briggs,Class teacher,/images/d1.jpg\n",
        "data/team.toml": '[[staff]]\nname = "Cuthbert Ifeanyi-Moss"\nphoto = "/images/d2.jpg"\n',
        "src/data/staff.json": ('[{"displayName": "Genevieve Oyekunle", '
                                '"avatar": {"url": "/images/d3.jpg", "alt": ""}}]\n'),
        "_data/houses.csv": "house,crest\nSeacole,/images/d4.png\n",
    })
    assert names(found) == {"Aurelia Okonjo-Briggs", "Cuthbert Ifeanyi-Moss", "Genevieve Oyekunle"}


def test_a_given_name_the_lists_lack_before_a_hyphenated_surname(tmp_path):
    page = html('<figure><img src="/images/h.jpg" alt=""><figcaption>Soloist Ptolemaios Abara-Lindqvist</figcaption>'
                '</figure><figure><img src="/images/h2.jpg" alt=""><figcaption>A trip to Newcastle-Under-Lyme'
                '</figcaption></figure>')
    assert names(lint(tmp_path / "s", {"site/h.html": page})) == {"Ptolemaios Abara-Lindqvist"}


def test_a_given_name_holding_a_surname_is_no_full_name_in_a_file_name(tmp_path):
    assert lint(tmp_path / "s", {"content/p.md": "![](/images/ikechukwu.jpg) ![](/images/ugochukwu.jpg)\n"}) == []


def test_a_data_records_place_is_where_the_photo_was_taken_not_a_name(tmp_path):
    found = lint(tmp_path / "s", {
        "_data/trips.yml": ("- place: Stanley Park\n  photo: /images/p1.jpg\n"
                            "- venue: Albert Dock\n  photo: /images/p2.jpg\n"
                            "- pupil: Marcellina Obuya-Hart\n  place: Stanley Park\n  photo: /images/p3.jpg\n"),
    })
    assert names(found) == {"Marcellina Obuya-Hart"}
