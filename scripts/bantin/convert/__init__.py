"""Extracted text -> `Article`: the text route's stages, one module each.

decode (bytes to NFC text, legacy encodings in `legacy`), layout (lines and their widths),
roles (what each line is), order (reading order), join (lines into blocks), casing
(sentence case from the body's own casing), facts (dates, issue, pages, names), and `text`,
which runs them in order and records every decision (`explain` prints them).
"""
