"""Tables of even rows are shown as HTML tables; the article keeps its preformatted lines."""

from __future__ import annotations

from bantin.site.tablecells import tables_as_html


def test_a_table_of_even_rows_is_set_as_a_table() -> None:
    html = (
        '<p>Trước.</p>\n<pre class="bantin-table" id="t-1">\nChỉ tiêu | 2020 | 2021\n'
        "Năng suất | 60 | 65\n| YD2 | &lt;5\n</pre>\n<p>Sau.</p>"
    )
    assert tables_as_html(html) == (
        '<p>Trước.</p>\n<table id="t-1"><tbody>'
        "<tr><td>Chỉ tiêu</td><td>2020</td><td>2021</td></tr>"
        "<tr><td>Năng suất</td><td>60</td><td>65</td></tr>"
        "<tr><td></td><td>YD2</td><td>&lt;5</td></tr>"
        "</tbody></table>\n<p>Sau.</p>"
    )


def test_a_table_whose_rows_differ_stays_preformatted() -> None:
    """Rows of different lengths: cells the converter could not tell apart."""
    uneven = '<pre class="bantin-table" id="t-2">\nA | B | C\nD | E\n</pre>'
    single = '<pre class="bantin-table" id="t-3">\nmột dòng\nhai dòng\n</pre>'
    equation = '<pre class="bantin-equation" id="e-1">\na | b\n</pre>'
    for html in (uneven, single, equation):
        assert tables_as_html(html) == html
