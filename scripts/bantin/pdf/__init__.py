"""PDF pages -> articles, in stages over an explicit model of the page (`page.py`).

poppler (the command-line tools, called in `poppler.py`) gives words with boxes in its reading
order and the fonts of their spans, reading a copy in which `glyphs` names the glyphs the
fonts draw without naming (stacked marks, known by their outlines); `extract` joins the two
into pages of blocks, lines and words. Then: `fonts` decodes legacy 8-bit fonts and tells
the body type from the rest; `furniture` removes running heads and page numbers; `reading`
repairs reading order and cuts blocks into paragraphs; `roles` labels each paragraph (title,
byline, abstract, heading, caption, table, reference...); `contents` reads an issue's table
of contents; `rules` reads the rules and boxes drawn between a page's notices; `articles`
cuts the issue at each article's start (a page of news at each notice); `structure` builds the
`Article`; `ingest` writes sources.
"""
