"""SpanIndex: the rows overlapping a range, whatever their lengths."""
from kronika.pipeline.spans import SpanIndex


def test_overlapping_finds_long_and_short_spans_and_nothing_that_only_touches() -> None:
    index = SpanIndex([(0, 100, "long"), (10, 12, "a"), (12, 20, "b"), (30, 31, "c")])
    assert [item for _, _, item in index.overlapping(11, 13)] == ["long", "a", "b"]
    assert [item for _, _, item in index.overlapping(12, 13)] == ["long", "b"]
    assert [item for _, _, item in index.overlapping(100, 200)] == []
    assert [item for _, _, item in index.overlapping(30, 31)] == ["long", "c"]
    assert len(SpanIndex([])) == 0 and SpanIndex([]).overlapping(0, 10) == []
