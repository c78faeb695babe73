"""Readers: every input kind becomes Articles; every user error is an InputError naming its place."""

from __future__ import annotations

import codecs
import io
import json
import logging
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.io.encoding import read_text_document
from marsad.io.readers import (
    derive_id,
    first_line,
    is_arabic,
    iter_articles,
    parse_published,
    read_document,
    read_path,
    sniff_kind,
    visible_date,
)
from marsad.model import Article

TITLE = "مقتل ثلاثة مدنيين بقصف على حلب"
BODY = (
    "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف حيا سكنيا في مدينة حلب صباح اليوم، "
    "بحسب ما أفادت مصادر محلية لمراسلنا."
)
DOC = f"{TITLE}\n\n{BODY}\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(path: Path, **kwargs: object) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append, **kwargs))  # type: ignore[arg-type]
    return articles, errors


def only(path: Path, **kwargs: object) -> Article:
    articles, errors = read_all(path, **kwargs)
    assert errors == []
    assert len(articles) == 1
    return articles[0]


# --------------------------------------------------------------------------- plain text and encodings


def test_txt_whole_file_is_the_document(tmp_path: Path) -> None:
    article = only(write(tmp_path / "aleppo-1.txt", "\n  \n" + DOC))
    assert article.id == "aleppo-1"
    assert article.text == "\n  \n" + DOC
    assert article.title == TITLE
    assert article.published is None


def test_txt_takes_the_callers_published_date(tmp_path: Path) -> None:
    article = only(write(tmp_path / "a.txt", DOC), published=date(2021, 8, 3))
    assert article.published == date(2021, 8, 3)


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        pytest.param(DOC.encode("cp1256"), DOC, id="cp1256"),
        pytest.param(TITLE.encode("cp1256"), TITLE, id="cp1256-title-only"),
        pytest.param(DOC.encode("iso8859_6"), DOC, id="iso8859-6"),
        pytest.param(codecs.BOM_UTF8 + DOC.encode(), DOC, id="utf8-bom"),
        pytest.param(DOC.encode("utf-16"), DOC, id="utf16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + DOC.encode("utf-16-be"), DOC, id="utf16-be-bom"),
        pytest.param(DOC.encode("utf-32"), DOC, id="utf32-bom"),
    ],
)
def test_encodings_decode_to_the_same_arabic_text(tmp_path: Path, encoded: bytes, expected: str) -> None:
    article = only(write(tmp_path / "a.txt", encoded))
    assert article.text == expected
    assert article.title == TITLE


@pytest.mark.parametrize("short", ["قصف على حلب", "غارة", "مقتل ثلاثة مدنيين"])
def test_short_windows_1256_text_is_read_as_arabic(short: str) -> None:
    assert read_text_document(short.encode("cp1256"), "short.txt") == short


def test_declared_html_charset_is_honoured() -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{BODY}</p></body></html>'
    assert read_text_document(page.encode("cp1256"), "p.html") == page


def test_bidi_controls_are_kept_in_the_text_but_not_in_the_title(tmp_path: Path) -> None:
    text = f"\u200f\u202b{TITLE}\u202c\n\n\u2067{BODY}\u2069\n"
    article = only(write(tmp_path / "bidi.txt", text))
    assert article.text == text  # offsets refer to the text as given
    assert article.title == TITLE


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (PNG, "not a text file (looks like a PNG image)"),
        (b"\x00\x01\x02binary\x00\xff\xfe\x00" * 20, "not a text file"),
        (b"\xff\xfe\x00\xd8", "not a text file (invalid UTF-16"),
        (b"", "empty text"),
        (b" \n\t\r\n ", "empty text"),
        ("\u200f \u200e\n".encode(), "empty text"),
    ],
)
def test_unusable_files_give_an_input_error_naming_the_file(tmp_path: Path, data: bytes, problem: str) -> None:
    path = write(tmp_path / "bad.txt", data)
    articles, errors = read_all(path)
    assert articles == []
    assert [e.where for e in errors] == [str(path)]
    assert errors[0].problem.startswith(problem)


def test_errors_raise_by_default(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="looks like a PNG image"):
        list(read_path(write(tmp_path / "image.txt", PNG)))


def test_a_raising_handler_sees_each_error_once(tmp_path: Path) -> None:
    seen: list[InputError] = []

    def stop(error: InputError) -> None:
        seen.append(error)
        raise error

    path = write(tmp_path / "a.jsonl", "{broken\n" + record())
    with pytest.raises(InputError) as caught:
        list(iter_articles([tmp_path / "a.jsonl"], on_error=stop))  # type: ignore[list-item]
    assert seen == [caught.value] and (caught.value.where, caught.value.line) == (str(path), 1)


def test_a_missing_file_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", DOC)
    errors: list[InputError] = []
    articles = list(iter_articles([str(tmp_path / "missing.txt"), str(good)], on_error=errors.append))
    assert [a.id for a in articles] == ["good"]
    assert [(e.where, e.problem) for e in errors] == [(str(tmp_path / "missing.txt"), "no such file or directory")]


def test_a_50_mb_text_file_is_decoded_and_refused_as_one_article(tmp_path: Path) -> None:
    line = f"{BODY}\n"
    text = line * (50_000_000 // len(line.encode()) + 1)
    path = write(tmp_path / "big.txt", text)
    articles, errors = read_all(path)
    assert articles == []
    assert [e.where for e in errors] == [str(path)]
    assert errors[0].problem.startswith(f"too long for one article: {len(text):,} characters (the limit is 1,000,000)")


def test_a_text_up_to_the_limit_is_one_article(tmp_path: Path) -> None:
    from marsad.io.readers import MAX_ARTICLE_CHARS

    line = f"{BODY}\n"
    text = (line * (MAX_ARTICLE_CHARS // len(line) + 1))[:MAX_ARTICLE_CHARS]
    assert len(only(write(tmp_path / "long.txt", text)).text) == MAX_ARTICLE_CHARS


def test_truncated_utf8_keeps_the_complete_characters() -> None:
    assert read_text_document(DOC.encode()[:-2] + "ح".encode()[:1], "cut.txt") == DOC[:-2]


# --------------------------------------------------------------------------- helpers


def test_is_arabic_threshold() -> None:
    assert is_arabic(BODY)
    assert is_arabic(f"{BODY} Reuters AFP 2021")
    assert not is_arabic("Three civilians were killed in Aleppo, " + TITLE[:5])
    assert not is_arabic("12345 ... \u200f")


def test_parse_published() -> None:
    assert parse_published("2021-08-03") == date(2021, 8, 3)
    for bad in ("2021-02-30", "03/08/2021", "yesterday", "", "0001-01-01", "9999-12-31"):
        with pytest.raises(InputError) as caught:
            parse_published(bad)
        assert caught.value.where == "--published"


def test_first_line_and_sniffing() -> None:
    assert first_line("\n \u200f\n  عنوان  \nبقية") == "عنوان"
    assert first_line(" \n") == ""
    assert sniff_kind(' \ufeff{"text": "x"}') == "jsonl"
    assert sniff_kind("<!doctype html><html><body>x</body></html>") == "html"
    assert sniff_kind('<?xml version="1.0"?><rss version="2.0"></rss>') == "feed"
    assert sniff_kind(DOC) == "text"


def test_derive_id_is_stable_and_prefers_the_url() -> None:
    assert derive_id("https://a.example/1", BODY) == derive_id("https://a.example/1", "other")
    assert derive_id("", BODY) == derive_id("", BODY) != derive_id("", BODY + ".")
    assert derive_id("https://a.example/1", "").startswith("u-")
    assert derive_id("", BODY).startswith("h-")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نشر بتاريخ 03 أغسطس 2021 في حلب", date(2021, 8, 3)),
        ("الثلاثاء 3 آب/أغسطس 2021", date(2021, 8, 3)),
        ("١٢ ديسمبر ٢٠٢١", date(2021, 12, 12)),
        ("آخر تحديث 2021-08-03 10:15", date(2021, 8, 3)),
        ("03/08/2021 - حلب", date(2021, 8, 3)),
        ("عام 2021 و31 فبراير 2021", None),
        ("لا تاريخ هنا 2021", None),
    ],
)
def test_visible_date(text: str, expected: date | None) -> None:
    assert visible_date(text) == expected


# --------------------------------------------------------------------------- JSONL and JSON


def record(**fields: object) -> str:
    return json.dumps({"id": "a1", "outlet": "sana", "published": "2021-08-03", "title": TITLE, "text": BODY} | fields)


def test_jsonl_records_follow_codebook_section_8(tmp_path: Path) -> None:
    lines = [record(), record(id="a2", published=None, url="https://x.example/2"), record(id=7, title=None)]
    articles = read_all(write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n"))[0]
    first, second, third = articles
    assert first == Article("a1", f"{TITLE}\n\n{BODY}", TITLE, date(2021, 8, 3), "sana", "")
    assert second.published is None and second.url == "https://x.example/2"
    assert third.id == "7" and third.text == BODY


def test_jsonl_default_published_and_derived_ids(tmp_path: Path) -> None:
    lines = [record(id=None, published=None, url="https://x.example/9"), record(id="", url=None)]
    one, two = read_all(write(tmp_path / "a.jsonl", "\n".join(lines)), published=date(2020, 1, 2))[0]
    assert one.id == derive_id("https://x.example/9", "") and one.published == date(2020, 1, 2)
    assert two.id == derive_id("", f"{TITLE}\n\n{BODY}")


def test_broken_jsonl_lines_are_reported_by_line_and_the_others_read(tmp_path: Path) -> None:
    lines = [
        record(id="ok1"),
        '{"id": "x", "text": ',
        "",
        record(id="nt", text=None),
        '["not", "an", "object"]',
        record(id="ok2"),
        record(id="e", text="  \u200f "),
        record(id="d", published="2021-13-01"),
        record(id="t", title=5),
        record(id="ok3"),
    ]
    path = write(tmp_path / "articles.json", "\n".join(lines))
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["ok1", "ok2", "ok3"]
    assert [(e.where, e.line) for e in errors] == [(str(path), n) for n in (2, 4, 5, 7, 8, 9)]
    assert [e.problem.split(":")[0] for e in errors] == [
        "not valid JSON",
        "missing 'text'",
        "expected a JSON object ({...}) on this line",
        "empty text",
        "'published' must be YYYY-MM-DD (years 1900-2200) or null, not '2021-13-01'",
        "'title' must be a string, not int",
    ]
    assert str(errors[0]).startswith(f"{path}:2: ")


def test_json_array_is_read_item_by_item(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps([json.loads(record()), 3, json.loads(record(id="b"))]))
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["a1", "b"]
    assert [e.problem for e in errors] == ["item 2: expected a JSON object"]


# --------------------------------------------------------------------------- CSV


def test_csv_with_all_columns_and_a_multiline_field(tmp_path: Path) -> None:
    body = BODY.replace("،", "،\n")
    data = f'\ufeffid,title,text,published,outlet,url\nc1,{TITLE},"{body}",2021-08-03,sana,https://x.example/1\n'
    (article,) = read_all(write(tmp_path / "a.csv", data))[0]
    assert article == Article("c1", f"{TITLE}\n\n{body}", TITLE, date(2021, 8, 3), "sana", "https://x.example/1")


def test_csv_only_text_is_required(tmp_path: Path) -> None:
    (article,) = read_all(write(tmp_path / "a.csv", f"Text\n{BODY}\n"), published=date(2021, 1, 1))[0]
    assert article.text == BODY and article.title == "" and article.published == date(2021, 1, 1)
    assert article.id == derive_id("", BODY)


def test_csv_without_a_text_column_is_one_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", f"id,title,body\n1,{TITLE},{BODY}\n2,x,y\n")
    articles, errors = read_all(path)
    assert articles == []
    assert len(errors) == 1 and errors[0].where == str(path) and "'text' column" in errors[0].problem


def test_bad_csv_rows_are_reported_by_line_and_the_others_read(tmp_path: Path) -> None:
    rows = [
        "id,text,published",
        "r1,نص أول,2021-08-03",
        'r2,"نص\nعلى سطرين",',
        "r3,,2021-08-03",
        "r4,نص,امس",
        "",
        "r5,نص,2021-08-03,extra",
        "r6",
        "r7,نص أخير,",
    ]
    path = write(tmp_path / "a.csv", "\n".join(rows) + "\n")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["r1", "r2", "r7"]
    assert [(e.line, e.problem.split(",")[0]) for e in errors] == [
        (5, "empty text"),
        (6, "'published' must be YYYY-MM-DD (years 1900-2200) or null"),
        (8, "4 fields but the header names 3"),
        (9, "missing 'text'"),
    ]
    assert all(e.where == str(path) for e in errors)


# --------------------------------------------------------------------------- directories and stdin


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "b.txt", DOC)
    write(tmp_path / "a" / "z.txt", DOC)
    write(tmp_path / "a" / "y" / "x.TXT", DOC)
    write(tmp_path / "c.jsonl", record(id="rec"))
    write(tmp_path / ".hidden.txt", DOC)
    write(tmp_path / ".git" / "config.txt", DOC)
    write(tmp_path / "notes.md", DOC)
    with caplog.at_level(logging.WARNING, logger="marsad.io.readers"):
        articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["a/y/x", "a/z", "b", "rec"]
    assert errors == []
    assert "notes.md: skipped" in caplog.text


def test_a_bad_file_in_a_directory_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", DOC)
    write(tmp_path / "2.txt", PNG)
    write(tmp_path / "3.txt", DOC)
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["1", "3"]
    assert [e.where for e in errors] == [str(tmp_path / "2.txt")]


def test_unknown_suffix_given_explicitly_is_sniffed(tmp_path: Path) -> None:
    assert only(write(tmp_path / "export.dat", record())).id == "a1"
    assert only(write(tmp_path / "README", DOC)).id == "README"


@pytest.mark.parametrize(
    "data",
    [
        record().encode() + b"\n" + record(id="b").encode(),
        DOC.encode("cp1256"),
        f"<html><body><article><h1>{TITLE}</h1><p>{BODY}</p></article></body></html>".encode(),
    ],
    ids=["jsonl", "text", "html"],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles = list(iter_articles(["-"]))
    assert articles and all(BODY in a.text and a.title == TITLE for a in articles)
    assert all("<" not in a.text for a in articles)
    assert articles[-1].id == ("b" if data.startswith(b"{") else derive_id("", read_text_document(data, "-")))


# --------------------------------------------------------------------------- HTML


def page(head: str = "", dateline: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | وكالة</title>{head}</head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav>"
        f"<article><h1>{TITLE}</h1><p>{dateline}</p><p>{BODY}</p><p>وكانت المنطقة قد شهدت في عام 2019 معارك.</p>"
        "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def test_html_with_date_and_canonical_metadata(tmp_path: Path) -> None:
    head = (
        '<link rel="canonical" href="https://news.example/2021/08/aleppo">'
        '<meta property="article:published_time" content="2021-08-03T09:30:00+03:00">'
        '<meta property="og:site_name" content="وكالة الأنباء">'
    )
    article = only(write(tmp_path / "p.html", page(head)))
    assert article.id == "p"
    assert article.title.startswith(TITLE)
    assert article.published == date(2021, 8, 3)
    assert article.url == "https://news.example/2021/08/aleppo"
    assert article.outlet == "وكالة الأنباء"
    assert article.text.startswith(f"{article.title}\n\n")
    assert BODY in article.text and "الرئيسية" not in article.text


def test_html_without_date_metadata_uses_the_visible_date(tmp_path: Path) -> None:
    article = only(write(tmp_path / "p.htm", page(dateline="الثلاثاء 03 أغسطس 2021")))
    assert article.published == date(2021, 8, 3)


def test_html_without_any_date_gets_none_or_the_default(tmp_path: Path) -> None:
    path = write(tmp_path / "p.html", page())
    assert only(path).published is None  # not a guessed 2019-01-01
    assert only(path, published=date(2022, 2, 2)).published == date(2022, 2, 2)


def test_html_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "p.html", "<html><head><title>x</title></head><body><script>1</script></body></html>")
    articles, errors = read_all(path)
    assert articles == [] and errors[0].problem.startswith("empty text")


# --------------------------------------------------------------------------- nothing but InputError escapes

KINDS = st.sampled_from([None, "text", "html", "jsonl", "csv", "feed"])
HTML_BITS = st.sampled_from(
    ["<p>", "</p>", "<div>", "<html>", "<body", ">", "<!--", "-->", "<script>", "</script>", "&amp;", "&#0;",
     "&#xD800;", "<?xml version='1.0'?>", "<!DOCTYPE x [", "]>", "<rss>", "<feed>", "<item>", "<title>", "<meta ",
     'charset="cp1256"', "قصف", "2021-08-03", "3 أغسطس 2021", "\x00", "\u200f", "\n", '"', "{", "}", ","]
)  # fmt: skip
FIELD_VALUES = st.none() | st.text(max_size=30) | st.integers() | st.booleans() | st.floats() | st.lists(st.integers())
RECORDS = st.dictionaries(st.sampled_from(["id", "title", "text", "published", "outlet", "url"]), FIELD_VALUES)
RECORD_LINES = st.lists(RECORDS.map(json.dumps) | st.text(max_size=40), max_size=6).map("\n".join)


def check_only_input_errors(data: bytes, kind: str | None) -> None:
    errors: list[InputError] = []
    try:
        articles = list(read_document(data, "fuzz", "fuzz-id", None, errors.append, kind))
    except InputError as exc:
        assert exc.where == "fuzz"
        return
    assert all(isinstance(a, Article) and a.text for a in articles)
    assert all(e.where == "fuzz" for e in errors)


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=600), KINDS)
def test_random_bytes_give_articles_or_input_errors(data: bytes, kind: str | None) -> None:
    check_only_input_errors(data, kind)


@FUZZ
@given(st.lists(HTML_BITS | st.text(max_size=10), max_size=40).map("".join), KINDS)
def test_garbage_markup_gives_articles_or_input_errors(markup: str, kind: str | None) -> None:
    check_only_input_errors(markup.encode("utf-8", "surrogatepass"), kind)


@FUZZ
@given(RECORD_LINES, st.sampled_from(["jsonl", "csv", None]))
def test_garbage_records_give_articles_or_input_errors(lines: str, kind: str | None) -> None:
    check_only_input_errors(lines.encode("utf-8", "surrogatepass"), kind)
