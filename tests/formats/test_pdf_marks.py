"""What people wrote onto a PDF (trial 7 items 1 and 2), through the command line: markup notes
(a sticky note with its Popup, a FreeText box, a highlight's note) are SL102 free text and the
fix removes them; a bare highlight keeps its mark and loses its author; links and form fields
stay; a Widget's /T is a field name, never an author; filled fields are SL110, named, never
echoed, and --fix leaves the form and its values for a person to decide (rules/SL110.yaml)."""

from __future__ import annotations

import json

PUPIL = "Maisie Cartwright"
MEDICAL = "Asthma - inhaler in bag"
NOTE = "Remove Tyler Brookes - no photo consent (safeguarding)"
BOX = "Tyler Brookes left early"
HIGHLIGHT_NOTE = "is this Emily Watson?"


def _annotated_form() -> bytes:
    """One page: three markup annotations with notes, a bare highlight, a link, and a form with
    text fields (two filled, one empty), a ticked check box and a two-level field (pupil.first)."""
    import io

    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0].obj

    def annotation(subtype, rect, **entries):
        return pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name(subtype), Rect=rect, P=page, **entries))

    sticky = annotation("/Text", [72, 700, 90, 720], Contents=String(NOTE), T=String("Dan Okafor"), Open=False)
    popup = annotation("/Popup", [100, 600, 300, 700], Parent=sticky, Open=False)
    sticky.Popup = popup
    box = annotation("/FreeText", [72, 500, 300, 530], Contents=String(BOX), DA=String("/Helv 12 Tf 0 g"))
    noted = annotation("/Highlight", [72, 400, 200, 420], Contents=String(HIGHLIGHT_NOTE), T=String("Dan Okafor"),
                       QuadPoints=[72, 420, 200, 420, 72, 400, 200, 400])
    bare = annotation("/Highlight", [72, 300, 200, 320], T=String("Sarah Whitfield"),
                      QuadPoints=[72, 320, 200, 320, 72, 300, 200, 300])
    link = annotation("/Link", [72, 200, 200, 220], A=Dictionary(S=Name.URI, URI=String("https://example.org")))

    def field(name, rect, kind="/Tx", **entries):
        return annotation("/Widget", rect, FT=Name(kind), T=String(name), **entries)

    child = field("child_name", [72, 760, 300, 780], V=String(PUPIL))
    medical = field("medical", [72, 730, 300, 750], V=String(MEDICAL))
    email = field("parent_email", [320, 760, 500, 780])
    on = pikepdf.Stream(pdf, b"0 g BT /ZaDb 10 Tf 2 2 Td (4) Tj ET", BBox=[0, 0, 12, 12], Subtype=Name.Form)
    off = pikepdf.Stream(pdf, b"", BBox=[0, 0, 12, 12], Subtype=Name.Form)
    consent = field("photo_consent", [320, 730, 332, 742], kind="/Btn", V=Name.Yes, AS=Name.Yes,
                    AP=Dictionary(N=Dictionary(Yes=on, Off=off)))
    pupil = pdf.make_indirect(Dictionary(FT=Name.Tx, T=String("pupil")))
    first = annotation("/Widget", [72, 680, 200, 700], T=String("first"), V=String("Maisie"), Parent=pupil)
    pupil.Kids = Array([first])
    page.Annots = Array([sticky, popup, box, noted, bare, link, child, medical, email, consent, first])
    pdf.Root.AcroForm = Dictionary(Fields=Array([child, medical, email, consent, pupil]), NeedAppearances=True,
                                   DA=String("/Helv 0 Tf 0 g"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _findings(cli, *extra: str) -> dict[str, dict]:
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--output-format", "json",
                         *extra, "trip-form.pdf")
    assert code in (0, 1) and "Traceback" not in err, err
    return {finding["code"]: finding for finding in json.loads(out)["findings"]}


def test_notes_are_sl102_field_names_are_no_authors_and_filled_fields_are_sl110(repo, cli):
    (repo / "trip-form.pdf").write_bytes(_annotated_form())
    found = _findings(cli)
    assert set(found) == {"SL102", "SL110"}
    assert set(found["SL102"]["field"].split(", ")) == {
        "page 1: annotation author", "page 1: Text annotation note", "page 1: FreeText annotation note",
        "page 1: Highlight annotation note"}
    assert found["SL110"]["field"] == ("form field child_name, form field medical, form field photo_consent, "
                                       "form field pupil.first")
    assert found["SL110"]["fix"] is None and "child_name, medical, photo_consent, pupil.first" in \
        found["SL110"]["message"]
    code, out, _ = cli("check", "--no-cache", "--no-progress", "--no-vision", "trip-form.pdf")
    for secret in (PUPIL, MEDICAL, "Tyler", "Emily", "Okafor", "Whitfield"):
        assert secret not in out and secret not in json.dumps(found)
    shown = _findings(cli, "--show-values")
    assert NOTE in shown["SL102"]["value"] and HIGHLIGHT_NOTE in shown["SL102"]["value"]
    assert "child_name" not in shown["SL102"]["value"]                  # a field name is not an author
    assert PUPIL in shown["SL110"]["value"] and MEDICAL in shown["SL110"]["value"]


def test_fix_removes_the_notes_keeps_links_highlights_and_a_working_form(repo, cli):
    import pikepdf
    from pypdf import PdfReader

    path = repo / "trip-form.pdf"
    path.write_bytes(_annotated_form())
    before = {name: field.get("/V") for name, field in PdfReader(path).get_fields().items()}
    code, out, err = cli("check", "--no-cache", "--no-progress", "--no-vision", "--fix", "trip-form.pdf")
    assert code == 1 and "fixed 1 file" in out, (out, err)
    assert set(_findings(cli)) == {"SL110"}                              # re-read by the reader that found them
    fields = PdfReader(path).get_fields()
    assert {name: field.get("/V") for name, field in fields.items()} == before   # the form is whole
    with pikepdf.open(path) as pdf:
        annotations = list(pdf.pages[0].obj.Annots)
        kinds = sorted(str(annotation.Subtype) for annotation in annotations)
        assert kinds == ["/Highlight", "/Link"] + ["/Widget"] * 5
        assert all("/T" not in annotation for annotation in annotations if annotation.Subtype != "/Widget")
        assert {str(annotation.T) for annotation in annotations if annotation.Subtype == "/Widget"} == {
            "child_name", "medical", "parent_email", "photo_consent", "first"}
    data = path.read_bytes()
    for gone in (b"Tyler", b"Emily", b"Okafor", b"Whitfield", b"/Popup"):
        assert gone not in data, gone
    assert cli("check", "--no-cache", "--fix", "trip-form.pdf")[0] == 1 and path.read_bytes() == data


def test_damaged_or_hostile_forms_and_annotations_give_facts_or_media_errors():
    """Damage anywhere in the annotated form, and a field tree that loops back on itself."""
    import io

    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    from schoollint.formats import pdf
    from tests.kit.damage import mixed_damage, only_media_errors

    only_media_errors(pdf, mixed_damage(_annotated_form(), seed=7, count=300))
    document = pikepdf.new()
    document.add_blank_page()
    parent = document.make_indirect(Dictionary(FT=Name.Tx, T=String("loop")))
    child = document.make_indirect(Dictionary(T=String("again"), V=String(PUPIL), Parent=parent, Kids=Array([parent])))
    parent.Kids = Array([child])
    document.Root.AcroForm = Dictionary(Fields=Array([parent]))
    out = io.BytesIO()
    document.save(out)
    assert [item.field for item in pdf.read(out.getvalue()).items] == []    # the loop is followed once, no value
