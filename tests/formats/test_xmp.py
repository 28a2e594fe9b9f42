"""XMP parser: every RDF shorthand, region names, GPS, broken and hostile XML."""

from __future__ import annotations

from schoollint.formats.model import FREE_TEXT, IDENTITY, LOCATION, MAX_VALUE_CHARS, PERSON_NAME, PREVIEW, TIMESTAMP
from schoollint.formats.xmp import parse_xmp
from tests.kit.metadata import person_xmp, xmp_packet


def facts(packet: bytes) -> list[tuple[str, str, str | None]]:
    return [(item.kind, item.field, item.value) for item in parse_xmp(packet, "APP1 XMP")]


def test_person_in_image_gives_one_item_per_name_and_description_is_free_text():
    packet = xmp_packet('<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Amy Smith</rdf:li>'
                        '<rdf:li>Ben Jones</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>'
                        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Year 3</rdf:li>'
                        '<rdf:li xml:lang="fr">Year 3</rdf:li></rdf:Alt></dc:description>')
    assert facts(packet) == [(PERSON_NAME, "XMP PersonInImage", "Amy Smith"),
                             (PERSON_NAME, "XMP PersonInImage", "Ben Jones"),
                             (FREE_TEXT, "XMP dc:description", "Year 3")]


def test_attribute_form_properties():
    packet = xmp_packet("", 'photoshop:City="Leeds" xmp:CreatorTool="PhotoApp 2" '
                            'xmp:CreateDate="2024-05-01T10:11:12" tiff:Orientation="6" aux:SerialNumber="123"')
    assert sorted(facts(packet)) == sorted([(LOCATION, "XMP photoshop:City", "Leeds"),
                                            (IDENTITY, "XMP xmp:CreatorTool", "PhotoApp 2"),
                                            (TIMESTAMP, "XMP xmp:CreateDate", "2024-05-01T10:11:12"),
                                            (IDENTITY, "XMP aux:SerialNumber", "123")])


def test_mwg_regions_in_struct_and_attribute_forms():
    packet = xmp_packet(
        '<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>'
        '<rdf:li><rdf:Description mwg-rs:Name="Chloe Pupil" mwg-rs:Type="Face">'
        '<mwg-rs:Area stArea:x="0.5" stArea:y="0.5" stArea:w="0.1" stArea:h="0.1"/></rdf:Description></rdf:li>'
        '<rdf:li rdf:parseType="Resource"><mwg-rs:Name>Dan Pupil</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>'
        '</rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>')
    assert facts(packet) == [(PERSON_NAME, "XMP face region name", "Chloe Pupil"),
                             (PERSON_NAME, "XMP face region name", "Dan Pupil")]


def test_microsoft_photo_regions():
    packet = xmp_packet(
        '<MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag><rdf:li MPReg:Rectangle="0,0,1,1" '
        'MPReg:PersonDisplayName="Eve Pupil"/></rdf:Bag></MPRI:Regions></MP:RegionInfo>')
    assert facts(packet) == [(PERSON_NAME, "XMP Microsoft face region name", "Eve Pupil")]


def test_gps_is_one_decimal_position_and_iptc_location_struct_is_location():
    packet = xmp_packet('<exif:GPSLatitude>51,30.06N</exif:GPSLatitude><exif:GPSLongitude>0,8.514W'
                        '</exif:GPSLongitude><exif:GPSAltitude>100/1</exif:GPSAltitude>'
                        '<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">'
                        '<Iptc4xmpExt:City>Leeds</Iptc4xmpExt:City><Iptc4xmpExt:Sublocation>St Mary Primary'
                        '</Iptc4xmpExt:Sublocation></rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>')
    assert facts(packet) == [(LOCATION, "XMP Iptc4xmpExt:LocationShown", "Leeds; St Mary Primary"),
                             (LOCATION, "XMP GPS position", "51.501, -0.1419")]


def test_gps_without_a_position_still_counts_and_version_alone_does_not():
    assert facts(xmp_packet('<exif:GPSAltitude>100/1</exif:GPSAltitude>')) == [
        (LOCATION, "XMP GPS data", "exif:GPSAltitude")]
    assert facts(xmp_packet('<exif:GPSVersionID>2.3.0.0</exif:GPSVersionID>')) == []


def test_motion_photo_is_a_preview_and_a_plain_packet_has_no_items():
    assert facts(xmp_packet("", 'GCamera:MotionPhoto="1" GCamera:MotionPhotoVersion="1"')) == [
        (PREVIEW, "XMP embedded image or video", "GCamera:MotionPhoto=1")]
    assert facts(xmp_packet("", 'GCamera:MotionPhoto="0" tiff:Orientation="1"')) == []


def test_broken_xml_is_unparseable_free_text_with_hints():
    broken = person_xmp("Amy Smith")[:-60]
    assert facts(broken) == [(FREE_TEXT, "unparseable XMP", f"{len(broken)} bytes"),
                             (PERSON_NAME, "XMP PersonInImage", None)]


def test_entities_are_never_expanded():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>')
    assert facts(bomb) == [(FREE_TEXT, "unparseable XMP", f"{len(bomb)} bytes")]
    external = b'<!DOCTYPE x [<!ENTITY e SYSTEM "http://example.org/x">]><x>&e;</x>'
    assert facts(external)[0][1] == "unparseable XMP"


def test_deep_nesting_does_not_overflow_the_stack():
    deep = "<dc:description>" + "<rdf:Description><dc:title>" * 3000 + "x" + "</dc:title></rdf:Description>" * 3000
    packet = xmp_packet(deep + "</dc:description>")
    assert isinstance(parse_xmp(packet, "APP1 XMP"), tuple)


def test_padding_and_empty_packets():
    assert facts(person_xmp() + b" " * 2000 + b"\0" * 10)[0][0] == PERSON_NAME
    assert facts(b"   \0") == []


def test_utf16_packets_and_pdf_properties():
    packet = xmp_packet("", 'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Author="Jo Teacher" photoshop:City="Hull"')
    text = packet.decode("utf-8")
    for encoded in (text.encode("utf-16-be"), text.encode("utf-16"), ("\ufeff" + text).encode("utf-16-le")):
        assert sorted(facts(encoded)) == [(IDENTITY, "XMP pdf:Author", "Jo Teacher"),
                                          (LOCATION, "XMP photoshop:City", "Hull")]


def test_empty_and_zero_placeholder_gps_values_are_not_a_place():
    placeholders = xmp_packet('<exif:GPSLatitude>0,0.0N</exif:GPSLatitude><exif:GPSLongitude>0,0E'
                              '</exif:GPSLongitude><exif:GPSAltitude>0/0</exif:GPSAltitude><exif:GPSAltitudeRef>0'
                              '</exif:GPSAltitudeRef><exif:GPSTimeStamp>00:00:00</exif:GPSTimeStamp>'
                              '<exif:GPSAreaInformation></exif:GPSAreaInformation>', 'exif:GPSSpeedRef=""')
    assert facts(placeholders) == []
    place_name = xmp_packet('<exif:GPSAreaInformation>Leeds</exif:GPSAreaInformation><exif:GPSAltitude>0/0'
                            '</exif:GPSAltitude>')
    assert facts(place_name) == [(LOCATION, "XMP GPS data", "exif:GPSAreaInformation")]


def test_long_values_are_clipped_to_the_shared_length():
    packet = xmp_packet(f'<dc:title><rdf:Alt><rdf:li>{"a" * 3000}</rdf:li></rdf:Alt></dc:title>')
    assert facts(packet) == [(FREE_TEXT, "XMP dc:title", "a" * MAX_VALUE_CHARS)]
