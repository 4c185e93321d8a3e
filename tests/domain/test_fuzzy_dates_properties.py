from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.fuzzy_dates import DateKind, date_quality_warnings, parse_fuzzy_date

from .seed_dates import SEED_DATES

SEED_TEXTS = [seed.value for seed in SEED_DATES if isinstance(seed.value, str)]

MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTH_NAMES += ["September", "October", "November", "December"]

# Words that steer the parser, mixed into random text so the odd branches get exercised.
DATE_WORDS = ["TBC", "by", "Est.", "and then", "quarterly", "Autumn", "Q3", "Mid", "<b>", "&amp;"]
DATE_WORDS += ["ongoing", "onwards", "from", "each year", "22", "2023", "Sep", "18/05/2022", "-"]
fragments = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS + MONTH_NAMES), st.text(max_size=6)), max_size=8
)
texts = st.one_of(st.text(), fragments.map(" ".join), st.sampled_from(SEED_TEXTS))
anything = st.one_of(
    texts,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.binary(),
    st.lists(st.integers(), max_size=3),
)
formats = st.one_of(
    st.none(), st.text(max_size=12), st.sampled_from(["mmm-yy", "dd-mmm-yy", "yyyy", "General"])
)


@given(anything, formats)
def test_parsing_never_raises_and_ranges_are_never_reversed(value: object, fmt: str | None) -> None:
    fd = parse_fuzzy_date(value, number_format=fmt)
    assert isinstance(fd.kind, DateKind)
    if fd.earliest is not None and fd.latest is not None:
        assert fd.earliest <= fd.latest
    assert isinstance(fd.describe(), str)
    assert set(fd.to_dict()) == {"text", "kind", "earliest", "latest", "note", "every_months"}


@given(texts)
def test_text_is_always_kept_exactly_as_written(text: str) -> None:
    assert parse_fuzzy_date(text).text == text


@given(texts, texts)
def test_quality_warnings_never_raise_and_are_single_lines(start: str, due: str) -> None:
    for warning in date_quality_warnings(parse_fuzzy_date(start), parse_fuzzy_date(due)):
        assert warning and "\n" not in warning and "\r" not in warning


@given(st.dates())
def test_any_date_shown_as_mmm_yy_reads_as_the_month_containing_it(day: date) -> None:
    fd = parse_fuzzy_date(day, number_format="mmm-yy")
    assert fd.kind is DateKind.MONTH
    assert fd.earliest is not None and fd.latest is not None
    assert fd.earliest == day.replace(day=1) and fd.earliest <= day <= fd.latest
    assert fd.latest.month == day.month
    assert fd.text == f"{MONTH_ABBR[day.month - 1]}-{day.year % 100:02d}"


@given(st.datetimes())
def test_any_datetime_shown_with_a_day_reads_as_that_exact_day(moment: datetime) -> None:
    fd = parse_fuzzy_date(moment, number_format="dd-mmm-yy")
    assert (fd.kind, fd.earliest, fd.latest) == (DateKind.EXACT, moment.date(), moment.date())


@given(st.integers(1, 12), st.integers(0, 99), st.sampled_from(["-", " ", "/"]))
def test_generated_mon_yy_text_reads_as_that_month_of_20yy(
    month: int, yy: int, separator: str
) -> None:
    fd = parse_fuzzy_date(f"{MONTH_ABBR[month - 1]}{separator}{yy:02d}")
    assert (fd.kind, fd.earliest) == (DateKind.MONTH, date(2000 + yy, month, 1))


@given(st.integers(1, 12), st.integers(1000, 9999), st.booleans())
def test_generated_month_yyyy_text_reads_as_that_month(month: int, year: int, short: bool) -> None:
    name = MONTH_ABBR[month - 1] if short else MONTH_NAMES[month - 1]
    fd = parse_fuzzy_date(f"{name} {year}")
    assert (fd.kind, fd.earliest) == (DateKind.MONTH, date(year, month, 1))
    assert fd.latest is not None and (fd.latest.year, fd.latest.month) == (year, month)


plain_texts = st.one_of(
    st.sampled_from(SEED_TEXTS),
    fragments.map(" ".join),
    st.text(alphabet=st.characters(blacklist_characters="<>")),
)


@given(plain_texts, st.sampled_from(["b", "strong", "i", "span style='x'"]))
def test_markup_wrapped_values_read_like_unwrapped_ones(text: str, tag: str) -> None:
    plain = parse_fuzzy_date(text)
    wrapped = parse_fuzzy_date(f"<{tag}>{text}</{tag.split()[0]}>")
    assert (wrapped.kind, wrapped.earliest, wrapped.latest) == (
        plain.kind,
        plain.earliest,
        plain.latest,
    )
    if wrapped.kind is not DateKind.BLANK:
        assert wrapped.note.startswith("markup removed")
