"""The highlighter: nested and overlapping spans give well-formed HTML; bad offsets are ignored."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from kronika.web.highlight import Span, blocks, highlight, spans


class Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> str:
    checker = Balance()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return "".join(checker.text)


def test_nested_and_overlapping_spans_are_well_formed():
    text = "abcdefghij<&>"
    marks = [Span(0, 8, "quote", "quote", "q", "q1"), Span(2, 4, "entity", "entity", "e"),
             Span(3, 10, "time", "time", "t"), Span(9, 13, "entity", "entity", 'x"<y')]
    html = str(highlight(text, marks))
    assert parse(html) == text
    assert html.count('id="q1"') == 1
    assert "&lt;&amp;&gt;" in html and 'title="x&#34;&lt;y"' in html


def test_bad_offsets_are_skipped_and_clipped():
    analysis = {"quotes": [{"start": 5, "end": 2, "text": "x"}, {"start": "1", "end": 3}, {"start": -4, "end": 3}],
                "entities": [{"type": "person", "name": "A", "mentions": [{"start": 2, "end": 99}, None]}],
                "times": [{"start": True, "end": 2}]}
    found = spans(analysis, 6)
    assert [(s.layer, s.start, s.end) for s in found] == [("quote", 0, 3), ("entity", 2, 6)]


def test_blocks_cover_text_outside_sections_once():
    text = "Tytuł\nTreść artykułu.\nStopka"
    analysis = {"sections": [{"kind": "headline", "start": 0, "end": 5}, {"kind": "paragraph", "start": 3, "end": 21}]}
    result = blocks(text, analysis)
    assert [b.kind for b in result] == ["headline", "paragraph", "other"]
    assert "".join(parse(str(b.html)) for b in result).replace("\n", "") == text.replace("\n", "")
    assert [b.kind for b in blocks("bez sekcji", {})] == ["paragraph"]
    assert re.search(r"<mark", str(blocks("abc", {"times": [{"start": 0, "end": 3, "value": "v"}]})[0].html))
