"""Metadata fields in words a school web editor understands.

Readers name a field by its standard name, container first ("EXIF BodySerialNumber",
"XMP dc:creator", "IPTC By-line"): that stays the field of a finding (baselines key on
it). Messages and --diff show `plain(field)`: "camera serial number (EXIF
BodySerialNumber)", the plain words first and the technical name in brackets.
Names are those of CIPA DC-008 (Exif 2.32) tags, IPTC IIM 4.2 datasets and the XMP
properties of Adobe XMP Part 1/2, IPTC Photo Metadata and MWG regions.
"""

from __future__ import annotations

from functools import lru_cache

# Keyed by the field's local name: the standard name without its container and namespace prefix.
WORDS = {
    # where
    "GPS position": "GPS position",
    "GPS data": "GPS tags",
    "GPS data (damaged)": "GPS tags",
    "City": "city", "State": "region", "Province-State": "region", "Country": "country",
    "Country Code": "country", "CountryCode": "country", "Sub-location": "place name", "Location": "place name",
    "LocationShown": "place shown", "LocationCreated": "place taken",
    "Content Location Name": "place name", "Content Location Code": "place code",
    # who and with what
    "Make": "camera make", "Model": "camera model",
    "BodySerialNumber": "camera serial number", "SerialNumber": "camera serial number",
    "CameraSerialNumber": "camera serial number", "LensSerialNumber": "lens serial number",
    "LensMake": "lens make", "LensModel": "lens model", "Lens": "lens model",
    "CameraOwnerName": "camera owner's name", "OwnerName": "camera owner's name", "Owner": "owner's name",
    "Artist": "photographer's name", "creator": "creator's name", "By-line": "photographer's name",
    "Author": "author's name", "XPAuthor": "author's name (Windows)", "Writer-Editor": "caption writer's name",
    "CaptionWriter": "caption writer's name", "Contact": "contact details", "CreatorContactInfo": "contact details",
    "Copyright": "copyright holder", "Copyright Notice": "copyright holder", "rights": "copyright holder",
    "Credit": "credit line", "Source": "source", "contributor": "contributor's name", "publisher": "publisher",
    "Software": "editing software", "ProcessingSoftware": "editing software", "CreatorTool": "editing software",
    "Originating Program": "editing software", "Creator": "creating application", "Producer": "producing application",
    "HostComputer": "computer name", "ImageUniqueID": "unique photo ID", "UniqueCameraModel": "camera model",
    "MakerNote": "the camera maker's private data", "camera maker data": "the camera maker's private data",
    # when
    "DateTimeOriginal": "the date and time the photo was taken",
    "DateTimeDigitized": "the date and time the photo was digitised",
    "DateTime": "the date and time the file was last changed",
    "CreateDate": "the date and time the photo was taken", "DateCreated": "the date the photo was taken",
    "Date Created": "the date the photo was taken", "Time Created": "the time the photo was taken",
    "ModifyDate": "the date and time the file was last changed", "MetadataDate": "the date the details were edited",
    "OffsetTime": "time zone", "OffsetTimeOriginal": "time zone", "OffsetTimeDigitized": "time zone",
    "SubSecTime": "fraction of a second", "SubSecTimeOriginal": "fraction of a second",
    "SubSecTimeDigitized": "fraction of a second", "modification time": "the date and time the file was changed",
    # what was written into it
    "ImageDescription": "the photo app's caption", "description": "caption", "Caption-Abstract": "caption",
    "caption": "caption", "Headline": "headline", "title": "title", "Object Name": "title",
    "subject": "keywords", "Keywords": "keywords", "XPKeywords": "keywords (Windows)",
    "XPTitle": "title (Windows)", "XPComment": "comment (Windows)", "XPSubject": "subject (Windows)",
    "UserComment": "comment", "comment": "comment", "plain text": "text",
    "DocumentName": "document name", "Special Instructions": "instructions", "Instructions": "instructions",
    # hidden pictures and people
    "thumbnail": "thumbnail", "page": "extra page",
    "PersonInImage": "names of the people shown", "face region name": "names of tagged faces",
    "Microsoft face region name": "names of tagged faces",
    "embedded image or video": "a second image or video",
    # whole field names of blocks with no standard tag name (trial 9 item 7)
    "3GPP location": "place where it was filmed", "Matroska muxing application": "program that made the video file",
    "Ducky comment block": "comment saved by Photoshop's Save for Web", "unrecognised vendor block":
    "a camera or app's private data", "Digital Creation Date": "the date it was digitised",
    "Digital Creation Time": "the time it was digitised",
    # what AFCP and FotoStation keep after the picture's end (jpeg_trailers.py); their IPTC by its own words
    "AFCP trailer: text": "text kept after the picture",
    "AFCP trailer thumbnail": "a small copy kept after the picture",
    "AFCP trailer preview": "a copy kept after the picture",
    "FotoStation trailer thumbnail": "a small copy kept after the picture",
    "FotoStation trailer preview": "a copy kept after the picture",
}


@lru_cache(maxsize=1024)   # a few dozen fields recur in every photo of a run; bounded for hostile ones
def plain(field: str) -> str:
    """'EXIF BodySerialNumber' -> 'camera serial number (EXIF BodySerialNumber)', also inside what holds
    it ('AFCP trailer: IPTC City' -> 'city (AFCP trailer: IPTC City)'); a field with no plain words is
    returned as it is."""
    rest = field.partition(" ")[2]
    inner = field.rpartition(": ")[2]   # a field inside something: "AFCP trailer: IPTC City", "trip/a.jpg: EXIF Make"
    for key in (field, rest, rest.rpartition(":")[2], inner.partition(" ")[2]):
        words = WORDS.get(key)     # "IPTC City" says it already; "XMP photoshop:City" does not (trial 9 item 7)
        if words and (words.lower() != key.lower() or ":" in field):
            return f"{words} ({field})"
    return field
