"""Pages: HTML, Markdown with front matter, and site data files, read into one model.

Data flows one way, each module importing only those listed before it:

    model        Page, PageImage, TextSpan, PageError (imports no reader)
    filetypes    what a file name says a file is: page suffixes, data files, media
    urls         a URL written in a page -> the repository file it serves (RFC 3986)
    suppressions inline `schoollint: ignore` comments and attributes
    html_source  HTML bytes -> text (WHATWG encoding sniffing); element and attribute lines
    html_captions which text on an HTML page goes with a photo
    html, data, markdown   one reader per page language (Markdown uses the other two)
    registry     which files are pages and which reader reads each (`is_page`, `read_page`)
    edit, rename the page-side fix appliers ("edit-text", "rename")
"""
