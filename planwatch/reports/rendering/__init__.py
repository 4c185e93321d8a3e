"""One `Document`, four readings: a fragment of a planwatch page, a standalone HTML file, Word, PDF.

Word is written with python-docx as real headings, bullet lists and tables (not pictures of
them), landscape like the council's own summaries; charts, which Word cannot take as SVG, go in
as PNG with their data table after them.
"""
