"""Property tests: any text gives a draft or an ExtractionError, and every span,
rule and explanation stays inside the text it came from."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction import ExtractionError, extract
from service.extraction.explain import explain

# Words and marks the rules react to, so random texts reach deep into them.
_PHRASES = (
    "Giao Sở Y tế chủ trì phối hợp với UBND các huyện, thị xã; đề nghị yêu cầu "
    "Thủ tướng Phạm Minh Chính Phó Chủ tịch Hồ Văn Bình kết luận khai mạc trình bày "
    "điểm cầu đầu cầu trụ sở Chính phủ trong tuần này định kỳ hằng quý quý III "
    "tháng 5 trước ngày 24.4 30/6/2023 Đề án 06 Nghị quyết số 04-NQ/TU được giao "
    "tất cả các bộ, ngành, địa phương Dự và chỉ đạo có đồng chí trong khi # source:"
)
_WORDS = _PHRASES.split(" ")
_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from([".", ",", ";", ":", "\n", "1.", "2.", "(", ")", "–", "“"]),
        st.text(max_size=6),
    ),
    max_size=80,
).map(" ".join)


def _spans(value: Any) -> list[list[int]]:
    """Every ``[start, end]`` pair inside a ``to_dict(spans=True)`` result."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _spans(v)]
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return [value]
        return [s for v in value for s in _spans(v)]
    return []


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_text_gives_a_draft_or_a_clear_error(text: str) -> None:
    try:
        result = extract(text)
    except ExtractionError:
        return
    data = result.to_dict(spans=True)
    for start, end in _spans(data):
        assert 0 <= start <= end <= len(text)
    for trace in explain(result, text):
        assert trace.rule
        if trace.span:
            assert 0 <= trace.span[0] <= trace.span[1] <= len(text)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_extraction_is_deterministic(text: str) -> None:
    try:
        first = extract(text).to_dict(spans=True)
    except ExtractionError:
        return
    assert extract(text).to_dict(spans=True) == first
