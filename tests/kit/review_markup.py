"""Word and OpenDocument files with review markup, their parts written as Word 365 and
LibreOffice write them (zipfile and XML text, no python-docx): comments with their companion
parts and anchors, tracked insertions, deletions, moves, a deleted paragraph mark, a deleted
table row and formatting changes, in the body and in a header. And `consistent`, the check that
a package still opens: every part well-formed, every relationship and override pointing at a
part, every part typed, every r:id a relationship of its part, every comment anchor a comment.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

PUPIL = "Tyler Brookes"
COMMENT = f"Don't include {PUPIL} - no photo consent, see safeguarding log"
DELETED = f" although {PUPIL} had to go home early after the incident"
MOVED = "Lunch was at noon."
HEADER_DELETED = "Draft for Mrs Patel"
ROW_DELETED = "Maisie Cartwright"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (f'xmlns:w="{_W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
       'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
       'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"')
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_BY = 'w:author="Sarah Whitfield" w:date="2024-05-14T10:00:00Z"'

# The final document (every change accepted, no comment): each paragraph's text, in order.
FINAL_BODY = ["Class newsletter, summer term.", "Our trip to the zoo was a great success.",
              "Everyone came back tired and happy.", "Pupil", "Oliver", MOVED, "Thank you."]
FINAL_HEADER = ["Oakfield Primary"]


def _document() -> str:
    return (f'{_DECL}<w:document {_NS}><w:body>'
            '<w:p><w:r><w:t>Class newsletter, summer term.</w:t></w:r></w:p>'
            '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Our trip to the zoo was a great success</w:t></w:r>'
            f'<w:del w:id="1" {_BY}><w:r><w:delText xml:space="preserve">{DELETED}</w:delText></w:r></w:del>'
            f'<w:ins w:id="2" {_BY}><w:r><w:t>.</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>'
            # a paragraph deleted whole, its mark too: it goes
            f'<w:p><w:pPr><w:rPr><w:del w:id="3" {_BY}/></w:rPr></w:pPr>'
            f'<w:del w:id="4" {_BY}><w:r><w:delText>{PUPIL} was sent home.</w:delText></w:r></w:del></w:p>'
            # a deleted mark only: "Everyone came back" joins "tired and happy."
            f'<w:p><w:pPr><w:rPr><w:del w:id="5" {_BY}/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Everyone '
            'came back </w:t></w:r></w:p>'
            f'<w:p><w:pPr><w:pPrChange w:id="6" {_BY}><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange>'
            f'</w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="7" {_BY}><w:rPr/></w:rPrChange></w:rPr>'
            '<w:t>tired and happy.</w:t></w:r></w:p>'
            '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
            '<w:tr><w:tc><w:p><w:r><w:t>Pupil</w:t></w:r></w:p></w:tc></w:tr>'
            f'<w:tr><w:trPr><w:del w:id="8" {_BY}/></w:trPr><w:tc><w:p><w:del w:id="9" {_BY}><w:r>'
            f'<w:delText>{ROW_DELETED}</w:delText></w:r></w:del></w:p></w:tc></w:tr>'
            f'<w:tr><w:trPr><w:ins w:id="10" {_BY}/></w:trPr><w:tc><w:p><w:ins w:id="11" {_BY}><w:r>'
            '<w:t>Oliver</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>'
            f'<w:p><w:moveToRangeStart w:id="12" {_BY} w:name="move1"/><w:moveTo w:id="13" {_BY}><w:r>'
            f'<w:t>{MOVED}</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="12"/></w:p>'
            f'<w:p><w:r><w:t>Thank you.</w:t></w:r><w:moveFromRangeStart w:id="14" {_BY} w:name="move1"/>'
            f'<w:moveFrom w:id="15" {_BY}><w:r><w:t xml:space="preserve"> {MOVED}</w:t></w:r></w:moveFrom>'
            '<w:moveFromRangeEnd w:id="14"/></w:p>'
            '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
            '</w:body></w:document>')


def _parts() -> dict[str, str]:
    comment = (f'<w:comment w:id="0" w:author="Dan Okafor" w:initials="DO" w:date="2024-05-14T09:00:00Z">'
               f'<w:p w14:paraId="1A2B3C4D"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr>'
               f'<w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>{COMMENT}</w:t>'
               '</w:r></w:p></w:comment>')
    return {
        "[Content_Types].xml": (
            f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{_CT}document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{_CT}styles+xml"/>'
            f'<Override PartName="/word/header1.xml" ContentType="{_CT}header+xml"/>'
            f'<Override PartName="/word/comments.xml" ContentType="{_CT}comments+xml"/>'
            f'<Override PartName="/word/commentsExtended.xml" ContentType="{_CT}commentsExtended+xml"/>'
            f'<Override PartName="/word/commentsIds.xml" ContentType="{_CT}commentsIds+xml"/>'
            f'<Override PartName="/word/people.xml" ContentType="{_CT}people+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            'core-properties+xml"/></Types>'),
        "_rels/.rels": (
            f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>'),
        "word/document.xml": _document(),
        "word/_rels/document.xml.rels": (
            f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}styles" Target="styles.xml"/>'
            f'<Relationship Id="rId4" Type="{_REL}comments" Target="comments.xml"/>'
            '<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended"'
            ' Target="commentsExtended.xml"/>'
            '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"'
            ' Target="commentsIds.xml"/>'
            f'<Relationship Id="rId7" Type="{_REL}header" Target="header1.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.microsoft.com/office/2011/relationships/people"'
            ' Target="people.xml"/></Relationships>'),
        "word/styles.xml": (f'{_DECL}<w:styles {_NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                            '<w:name w:val="Normal"/></w:style></w:styles>'),
        "word/header1.xml": (f'{_DECL}<w:hdr {_NS}><w:p><w:r><w:t>Oakfield Primary</w:t></w:r>'
                             f'<w:del w:id="20" {_BY}><w:r><w:delText xml:space="preserve"> {HEADER_DELETED}'
                             '</w:delText></w:r></w:del></w:p></w:hdr>'),
        "word/comments.xml": f"{_DECL}<w:comments {_NS}>{comment}</w:comments>",
        "word/commentsExtended.xml": (f'{_DECL}<w15:commentsEx {_NS}><w15:commentEx w15:paraId="1A2B3C4D" '
                                      'w15:done="0"/></w15:commentsEx>'),
        "word/commentsIds.xml": (f'{_DECL}<w16cid:commentsIds {_NS}><w16cid:commentId w16cid:paraId="1A2B3C4D" '
                                 'w16cid:durableId="2B3C4D5E"/></w16cid:commentsIds>'),
        "word/people.xml": (f'{_DECL}<w15:people {_NS}><w15:person w15:author="Dan Okafor"><w15:presenceInfo '
                            'w15:providerId="AD" w15:userId="S::dan.okafor@oakfield.sch.uk::1234"/></w15:person>'
                            '</w15:people>'),
        "docProps/core.xml": (
            f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Newsletter</dc:title>'
            '</cp:coreProperties>'),
    }


def newsletter_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in _parts().items():
            archive.writestr(name, text.encode())
    return out.getvalue()


def paragraphs(data: bytes, part: str = "word/document.xml") -> list[str]:
    """Each paragraph's text as Word shows the final document (w:t only: deleted text is w:delText)."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read(part))
    found = ["".join(node.text or "" for node in p.iter(f"{{{_W}}}t")) for p in root.iter(f"{{{_W}}}p")]
    return [text for text in found if text]


def consistent(data: bytes) -> None:
    """AssertionError unless the package would still open (module docstring)."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    trees = {name: etree.fromstring(body) for name, body in parts.items() if name.endswith((".xml", ".rels"))}
    types = trees["[Content_Types].xml"]
    defaults = {element.get("Extension").lower() for element in types if element.tag.endswith("Default")}
    overrides = {element.get("PartName").lstrip("/") for element in types if element.tag.endswith("Override")}
    assert overrides <= set(parts), overrides - set(parts)
    for name in parts:
        assert name == "[Content_Types].xml" or name in overrides or name.rpartition(".")[2].lower() in defaults, name
    for rels in (name for name in parts if name.endswith(".rels")):
        source = posixpath.join(posixpath.dirname(posixpath.dirname(rels)), posixpath.basename(rels)[:-5])
        assert rels == "_rels/.rels" or source in parts, f"{rels} belongs to no part"
        ids = set()
        for rel in trees[rels]:
            ids.add(rel.get("Id"))
            target = rel.get("Target")
            if rel.get("TargetMode") != "External":
                resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(posixpath.dirname(source), target))
                assert resolved in parts, f"{rels}: {target} is missing"
        if rels != "_rels/.rels":
            used = set(re.findall(rb'r:(?:id|embed|link)="([^"]+)"', parts[source]))
            assert {found.decode() for found in used} <= ids, (source, used, ids)
    comments = {element.get(f"{{{_W}}}id") for name, root in trees.items() for element in root.iter(f"{{{_W}}}comment")}
    for root in trees.values():
        for anchor in root.iter(f"{{{_W}}}commentReference", f"{{{_W}}}commentRangeStart"):
            assert anchor.get(f"{{{_W}}}id") in comments


_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'office:version="1.3"')


def report_odt() -> bytes:
    """A LibreOffice text document with a comment over a span, a tracked deletion and insertion."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODF_NS}><office:body>'
               '<office:text><text:tracked-changes text:track-changes="true">'
               '<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info>'
               '<dc:creator>Sarah Whitfield</dc:creator><dc:date>2024-05-14T10:00:00</dc:date></office:change-info>'
               f'<text:p>{DELETED}</text:p></text:deletion></text:changed-region>'
               '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info>'
               '<dc:creator>Sarah Whitfield</dc:creator><dc:date>2024-05-14T10:01:00</dc:date></office:change-info>'
               '</text:insertion></text:changed-region></text:tracked-changes>'
               '<text:p>Our trip <office:annotation office:name="c1"><dc:creator>Dan Okafor</dc:creator>'
               f'<dc:date>2024-05-14T09:00:00</dc:date><text:p>{COMMENT}</text:p></office:annotation>to the zoo'
               '<office:annotation-end office:name="c1"/> was a great success<text:change text:change-id="ct1"/>'
               '<text:change-start text:change-id="ct2"/>.<text:change-end text:change-id="ct2"/></text:p>'
               '</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return odf_package("application/vnd.oasis.opendocument.text", content, manifest)


def odf_package(media_type: str, content: str, manifest: str) -> bytes:
    """An OpenDocument package as LibreOffice lays it out (ODF 1.3 part 2, section 3.3): `mimetype`
    first and stored, then the manifest and content.xml, deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), media_type.encode(), compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest.encode())
        archive.writestr("content.xml", content.encode())
    return out.getvalue()


SLIDE_COMMENT = f"Blur {PUPIL}'s face before this goes out"
MODERN_COMMENT = "Check consent for Maisie Cartwright"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_P188 = "http://schemas.microsoft.com/office/powerpoint/2018/8/main"


def deck_with_comments() -> bytes:
    """An assembly deck (kit.documents.assembly_pptx, two slides) with the comments PowerPoint
    writes: a classic comment on slide 1 (commentAuthors.xml) and a modern one on slide 2
    (authors.xml, and the slide's p188:commentRel naming the part)."""
    from tests.kit.documents import assembly_pptx, zip_members

    members = zip_members(assembly_pptx(slides=2))

    def relate(rels: str, rid: str, kind: str, target: str) -> None:
        members[rels] = members[rels].replace(b"</Relationships>", (
            f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/></Relationships>').encode())

    def typed(part: str, content_type: str) -> None:
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", (
            f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>').encode())

    ms = "http://schemas.microsoft.com/office/2018/10/relationships/"
    members["ppt/commentAuthors.xml"] = (f'{_DECL}<p:cmAuthorLst xmlns:p="{_P}"><p:cmAuthor id="0" name="Dan Okafor" '
                                         'initials="DO" lastIdx="1" clrIdx="0"/></p:cmAuthorLst>').encode()
    relate("ppt/_rels/presentation.xml.rels", "rId90", _REL + "commentAuthors", "commentAuthors.xml")
    typed("ppt/commentAuthors.xml", "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml")
    members["ppt/comments/comment1.xml"] = (
        f'{_DECL}<p:cmLst xmlns:p="{_P}"><p:cm authorId="0" dt="2024-05-14T09:00:00.000" idx="1">'
        f'<p:pos x="10" y="10"/><p:text>{SLIDE_COMMENT}</p:text></p:cm></p:cmLst>').encode()
    relate("ppt/slides/_rels/slide1.xml.rels", "rId90", _REL + "comments", "../comments/comment1.xml")
    typed("ppt/comments/comment1.xml", "application/vnd.openxmlformats-officedocument.presentationml.comments+xml")
    author = "{4F3C2A1B-0000-4000-8000-000000000001}"
    members["ppt/authors.xml"] = (f'{_DECL}<p188:authorLst xmlns:p188="{_P188}"><p188:author id="{author}" '
                                  'name="Dan Okafor" initials="DO" userId="dan.okafor@oakfield.sch.uk" '
                                  'providerId="AD"/></p188:authorLst>').encode()
    relate("ppt/_rels/presentation.xml.rels", "rId91", ms + "authors", "authors.xml")
    typed("ppt/authors.xml", "application/vnd.ms-powerpoint.authors+xml")
    modern = "ppt/comments/modernComment_101_1A2B3C4D.xml"
    members[modern] = (
        f'{_DECL}<p188:cmLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p188="{_P188}">'
        f'<p188:cm id="{{7A1B2C3D-0000-4000-8000-000000000002}}" authorId="{author}" '
        'created="2024-05-14T09:05:00.000"><p188:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>'
        f'<a:t>{MODERN_COMMENT}</a:t></a:r></a:p></p188:txBody></p188:cm></p188:cmLst>').encode()
    relate("ppt/slides/_rels/slide2.xml.rels", "rId91", ms + "comments", "../comments/" + modern.rpartition("/")[2])
    typed(modern, "application/vnd.ms-powerpoint.comments+xml")
    members["ppt/slides/slide2.xml"] = members["ppt/slides/slide2.xml"].replace(b"</p:sld>", (
        '<p:extLst><p:ext uri="{6950BFC3-D8DA-4A85-94F7-54DA5524770B}">'
        f'<p188:commentRel xmlns:p188="{_P188}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId91"/>'
        '</p:ext></p:extLst></p:sld>').encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
