"""The captions WordPress gallery plugins keep in attributes for their lightboxes (issue 10, real school
sites): Elementor's `data-elementor-lightbox-title`, Jetpack's carousel `data-image-title`/`data-image-caption`
(escaped HTML), FooGallery's `data-caption-title`, Envira's `data-envira-caption`, PhotoSwipe's
`data-pswp-caption`; read through the command line on real pages and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import html, lint

ELEMENTOR = html('<div class="elementor-image-gallery"><figure class="gallery-item"><div class="gallery-icon">'
                 '<a data-elementor-open-lightbox="yes" data-elementor-lightbox-title="Octavian Wetherell-Bose" '
                 'href="/images/gp1.jpg"><img src="/images/gp1-150x150.jpg" alt=""></a></div></figure>\n'
                 '<figure class="gallery-item"><div class="gallery-icon"><a data-elementor-lightbox-title="Sports day"'
                 ' href="/images/gp2.jpg"><img src="/images/gp2-150x150.jpg" alt=""></a></div></figure></div>')
JETPACK = html('<div class="tiled-gallery"><div class="tiled-gallery-item"><a href="/2024/05/art/img_2/">'
               '<img data-attachment-id="13" data-image-title="IMG_2034" data-image-caption="&lt;p&gt;Florentine '
               'Achebe-Moss with her painting&lt;/p&gt;" src="/images/gp3.jpg" alt=""></a></div></div>')
OTHERS = html('<a href="/images/gp4.jpg" data-caption-title="Leontine Habersham" class="fg-thumb">'
              '<img src="/images/gp4-t.jpg"></a>\n<p>Between the galleries.</p>\n'
              '<a href="/images/gp5.jpg" data-envira-caption="Cassius Oyediran-Lamb">'
              '<img src="/images/gp5-t.jpg"></a>\n'
              '<p>And another.</p>\n'
              '<a href="/images/gp6.jpg" data-pswp-width="1600" data-pswp-caption="Ottilie Brennan-Sowande">'
              '<img src="/images/gp6-t.jpg" alt=""></a>')


def test_gallery_plugins_lightbox_captions(tmp_path):
    found = lint(tmp_path / "s", {"art/elementor.html": ELEMENTOR, "art/jetpack.html": JETPACK,
                                  "art/others.html": OTHERS})
    assert {(path, value) for _code, path, value in found} == {
        ("art/elementor.html", "Octavian Wetherell-Bose"), ("art/jetpack.html", "Florentine Achebe-Moss"),
        ("art/others.html", "Leontine Habersham"), ("art/others.html", "Cassius Oyediran-Lamb"),
        ("art/others.html", "Ottilie Brennan-Sowande")}
