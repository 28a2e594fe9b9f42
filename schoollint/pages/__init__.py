"""Pages: HTML, templates, Markdown, site data, components and stylesheets, read into one model.

Data flows one way, each module importing only those listed before it:

    model        Page, PageImage, TextSpan, Reference, PageError (imports no reader)
    filetypes    what a file name says a file is: page suffixes, data files, media
    urls         a URL written in a page -> the repository file it serves (RFC 3986)
    templates    template comments (Liquid, Nunjucks, Go, Handlebars) blanked
    references   the site's reference index: every media path any text file writes
    suppressions inline `schoollint: ignore` comments and attributes
    html_source  HTML bytes -> text (WHATWG encoding sniffing); element and attribute lines
    html_captions which text on an HTML page goes with a photo
    treesitter, script, markup   components: tree-sitter parsing, static values, one element tree
    html, data, markdown, stylesheet, components, sfc   one reader per page language
    documents    Office, OpenDocument and SVG files: each picture's alt text and the words beside it
    pdf_text     PDF files: each picture a page draws and the text printed near it
    registry     which files are pages and which reader reads each (`is_page`, `read_page`)
    edit, rename the page-side fix appliers ("edit-text", "rename")
"""
