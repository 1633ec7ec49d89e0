"""Reading inputs, good and bad: each bad file gives one clear reason and the run goes on."""
import gzip
import json
import os
import stat
from io import BytesIO
from pathlib import Path

import pytest

from eventscribe.errors import MESSAGES, Problem
from eventscribe.model import Article
from eventscribe.read import iter_articles, list_inputs


def _read(path, **kwargs):
    return list(iter_articles([path], **kwargs))


def test_text_file_title_and_doc_id(tmp_path):
    (tmp_path / "001_abc.txt").write_text("A headline\n\nBody text here.", encoding="utf-8")
    [article] = _read(tmp_path)
    assert article.doc_id == "001_abc" and article.title == "A headline"
    assert article.published is None


def test_gzipped_text_keeps_its_name(tmp_path):
    path = tmp_path / "002_def.txt.gz"
    path.write_bytes(gzip.compress("Title\n\nSome text.".encode()))
    [article] = _read(path)
    assert article.doc_id == "002_def" and "Some text." in article.text


def test_json_record_fields(tmp_path):
    record = {"doc_id": "w1", "url": "http://x", "outlet": "Paper", "title": "T", "published": "2020-01-02",
              "text": "Hello world."}
    (tmp_path / "a.json").write_text(json.dumps(record))
    [article] = _read(tmp_path)
    assert (article.doc_id, article.outlet, article.published, article.published_basis) == ("w1", "Paper", "2020-01-02", "metadata")


def test_jsonl_with_a_malformed_line_reads_the_others(tmp_path):
    lines = [json.dumps({"doc_id": "a", "text": "First report."}), "{not json", json.dumps({"text": "Third."}),
             json.dumps({"doc_id": "d"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    results = _read(tmp_path)
    articles = [r for r in results if not isinstance(r, Problem)]
    problems = [r for r in results if isinstance(r, Problem)]
    assert [a.doc_id for a in articles] == ["a", "batch-3"]
    assert [p.code for p in problems] == ["E005", "E006"]
    assert "batch.jsonl:2" in problems[0].message and "Fix:" in problems[0].message


def test_html_file_main_text(tmp_path):
    html = ("<html><head><title>Envoy visits</title></head><body><nav>Menu Home About</nav><article>"
            "<h1>Envoy visits capital</h1><p>" + "The envoy met the president on Monday to discuss the talks. " * 5 +
            "</p></article><footer>Copyright</footer></body></html>")
    (tmp_path / "page.html").write_text(html)
    [article] = _read(tmp_path)
    assert "The envoy met the president" in article.text and "Menu Home" not in article.text


def test_broken_html_still_gives_its_text(tmp_path):
    (tmp_path / "broken.html").write_text("<html><body><div><p>The minister met the envoy in Rome on Monday."
                                          " <b>unclosed <i>tags <<<>>> &&&")
    [result] = _read(tmp_path)
    assert not isinstance(result, Problem) and "The minister met the envoy" in result.text


def test_html_without_text_is_reported_not_raised(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><script>var x = '<';</script></head><body><div></div>")
    [result] = _read(tmp_path)
    assert isinstance(result, Problem) and result.code == "E007" and "empty.html" in result.message


def test_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    [result] = _read(tmp_path)
    assert isinstance(result, Problem) and result.code == "E002" and "image.txt" in result.message


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    [result] = _read(tmp_path)
    assert result.code == "E001"


def test_too_large_file(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w") as handle:
        for _ in range(50):
            handle.write("The minister met the envoy. " * 37450)   # ~50 MB
    [result] = _read(tmp_path)
    assert result.code == "E003" and "huge.txt" in result.message


def test_latin1_and_utf16_texts_decode(tmp_path):
    text = "Título\n\nThe minister of Côte d'Ivoire met the envoy in São Paulo."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    articles = _read(tmp_path)
    assert all(not isinstance(a, Problem) for a in articles)
    assert all("Côte d'Ivoire" in a.text and "São Paulo" in a.text for a in articles)


def test_text_behind_a_byte_order_mark_is_read_even_when_cut_or_stained(tmp_path):
    """A UTF-16 file cut in the middle of its last character, and UTF-8 with a BOM and one stray
    byte, stopped the file with E029 (found by the fuzz tests)."""
    text = "Report\n\nThe minister of Côte d'Ivoire met the envoy in São Paulo on Monday."
    (tmp_path / "cut.txt").write_bytes(text.encode("utf-16") + b"\x00")
    (tmp_path / "stained.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8") + b" \x96 more.")
    results = _read(tmp_path)
    articles = {a.doc_id: a for a in results if not isinstance(a, Problem)}
    assert set(articles) == {"cut", "stained"}
    assert [(p.code, Path(p.source).name) for p in results if isinstance(p, Problem)] == [("W001", "stained.txt")]
    assert all("Côte d'Ivoire" in a.text and "São Paulo" in a.text for a in articles.values())


def test_unsupported_extension(tmp_path):
    (tmp_path / "data.xlsx").write_bytes(b"PK\x03\x04")
    [result] = _read(tmp_path)
    assert result.code == "E010"


_PAGE = ("<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet in Oslo</h1>"
         "<p>Foreign Minister Anna Berg met her Vestian counterpart Paul Roe in Oslo on Monday to discuss"
         " fishing rights in the northern waters, officials said after the talks ended.</p>"
         "<p>The two ministers agreed to meet again in the spring, the ministry said in a statement.</p>"
         "</article></body></html>")


def test_parquet_table_of_reports(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    table = pa.table({"doc_id": ["p1", "p2", None], "title": ["One", "Two", "Three"],
                      "text": ["Anna Berg met Paul Roe in Oslo on Monday.", None, "Talks ended."],
                      "html": [None, _PAGE, None], "published": ["2021-03-03", None, None]})
    path = tmp_path / "reports.parquet"
    pq.write_table(table, path)
    items = list(iter_articles([path]))
    assert [a.doc_id for a in items] == ["p1", "p2", "reports-3"]
    assert items[0].published == "2021-03-03" and "Paul Roe" in items[1].text
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    [problem] = list(iter_articles([broken]))
    assert problem.code == "E013" and "broken.parquet" in problem.message


def test_warc_responses_become_reports(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    path = tmp_path / "news.warc.gz"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for url, body, kind in [("https://example.org/a", _PAGE, "text/html; charset=utf-8"),
                                ("https://example.org/logo.png", "PNG", "image/png")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body.encode()),
                                                          http_headers=headers))
    [article] = list(iter_articles([path]))
    assert article.url == "https://example.org/a" and "Anna Berg" in article.text and article.published


# ---------------------------------------------------------------------------- bad inputs: one coded line each

_REPORT = "Foreign Minister Anna Berg met her Vestian counterpart Paul Roe in Oslo on Monday."


def _codes(items):
    return [item.code if isinstance(item, Problem) else "article" for item in items]


def _write_warc(path, records, compress=True):
    """records: (url or None, body bytes, Content-Type, extra HTTP headers)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=compress)
        for url, body, kind, extra in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind), *extra], protocol="HTTP/1.1")
            record = writer.create_warc_record(url or "https://placeholder.example/", "response",
                                               payload=BytesIO(body), http_headers=headers)
            if url is None:
                record.rec_headers.remove_header("WARC-Target-URI")
            writer.write_record(record)


def _html_record(url, words=_REPORT):
    return url, _PAGE.replace("Anna Berg", words).encode(), "text/html; charset=utf-8", []


def test_corrupt_gzip_is_one_problem_and_the_next_file_is_read(tmp_path):
    valid = gzip.compress(b"Title\n\n" + _REPORT.encode())
    (tmp_path / "a_corrupt.txt.gz").write_bytes(valid[:10] + b"\xff\x00garbage" * 20)
    (tmp_path / "b_cut.txt.gz").write_bytes(valid[: len(valid) // 2])
    (tmp_path / "c_good.txt.gz").write_bytes(valid)
    items = _read(tmp_path)
    assert _codes(items) == ["E015", "E015", "article"]
    assert "a_corrupt.txt.gz" in items[0].message and "gzip -t" in items[0].message


def test_deeply_nested_json_document_is_one_problem(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 1000 + "]" * 1000)
    [problem] = _read(tmp_path)
    assert problem.code == "E016" and "deep.json" in problem.message


def test_deeply_nested_jsonl_line_keeps_the_lines_around_it(tmp_path):
    lines = [json.dumps({"doc_id": "first", "text": _REPORT}), '{"text": ' + "[" * 1000 + "]" * 1000 + "}",
             json.dumps({"doc_id": "third", "text": _REPORT + " Again."})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    items = _read(tmp_path)
    assert _codes(items) == ["article", "E016", "article"]
    assert items[0].doc_id == "first" and items[2].doc_id == "third" and "batch.jsonl:2" in items[1].message


def test_5000_digit_doc_id_falls_back_to_the_default_id_with_a_warning(tmp_path):
    (tmp_path / "batch.jsonl").write_text('{"doc_id": ' + "7" * 5000 + ', "text": "' + _REPORT + '"}\n')
    warning, article = _read(tmp_path)
    assert warning.code == "W003" and warning.is_warning and "5,000-digit number" in warning.message
    assert article.doc_id == "batch-1"


def test_lone_surrogates_are_replaced_in_every_field(tmp_path):
    record = ('{"doc_id": "id\\ud800", "title": "T\\udc80", "url": "http://x/\\ud800", "outlet": "O\\udfff",'
              ' "text": "Anna\\ud800 Berg met Paul Roe."}')
    (tmp_path / "s.json").write_text(record)
    [article] = _read(tmp_path)
    for value in (article.doc_id, article.title, article.url, article.outlet, article.text):
        value.encode("utf-8")
        assert "\ufffd" in value
    assert article.content_hash


def test_warc_record_without_target_uri_is_stored_with_a_warning_and_later_records_are_read(tmp_path):
    path = tmp_path / "news.warc.gz"
    _write_warc(path, [_html_record(None), _html_record("https://example.org/b", "Karl Olsen")])
    items = list(iter_articles([path]))
    assert _codes(items) == ["W006", "article", "article"]
    assert items[2].url == "https://example.org/b" and "Karl Olsen" in items[2].text


def test_warc_body_over_max_bytes_is_skipped_while_read_and_other_records_are_kept(tmp_path):
    zeros = b"<html><body>" + b"0" * 2_000_000 + b"</body></html>"
    path = tmp_path / "bomb.warc.gz"
    _write_warc(path, [_html_record("https://example.org/a"),
                       ("https://example.org/plain", zeros, "text/html", []),
                       ("https://example.org/encoded", gzip.compress(zeros), "text/html", [("Content-Encoding", "gzip")]),
                       _html_record("https://example.org/b", "Karl Olsen")])
    assert path.stat().st_size < 100_000      # 4 MB of page in a few KB: the archive is a bomb
    items = list(iter_articles([path], max_bytes=100_000))
    assert _codes(items) == ["article", "E003", "E003", "article"]
    assert "bomb.warc.gz#<urn:uuid:" in items[1].message and "100,000 bytes" in items[1].message


def test_gzipped_file_expanding_past_max_bytes_is_skipped(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 2_000_000))
    [problem] = _read(tmp_path, max_bytes=100_000)
    assert problem.code == "E003"


def test_parquet_cell_over_max_bytes_skips_only_its_record(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"doc_id": ["a", "b", "c"], "text": [_REPORT, "x" * 200_000, _REPORT + " Again."]}),
                   tmp_path / "t.parquet")
    items = _read(tmp_path, max_bytes=100_000)
    assert _codes(items) == ["article", "E003", "article"] and "t.parquet[2]" in items[1].message


def test_mostly_utf8_file_with_a_few_latin1_bytes_keeps_its_utf8_and_warns(tmp_path):
    utf8 = "Le ministre de Côte d'Ivoire a rencontré l'envoyé à São Paulo. " * 5
    (tmp_path / "mixed.txt").write_bytes(utf8.encode() + "Título: déjà".encode("latin-1"))
    warning, article = _read(tmp_path)
    assert warning.code == "W001" and "3 bytes" in warning.message
    assert article.text == utf8 + "Título: déjà"


@pytest.mark.parametrize("published", ["2018-02-30", "yesterday", 12345, "9999-99-99", "20180203", ["2018"]])
def test_impossible_published_value_is_dropped_with_a_warning(tmp_path, published):
    (tmp_path / "r.json").write_text(json.dumps({"text": _REPORT, "published": published}))
    warning, article = _read(tmp_path)
    assert warning.code in ("W002", "W005") and warning.is_warning
    assert (article.published, article.published_basis) == (None, None)
    if warning.code == "W002":
        assert str(published) in warning.message


@pytest.mark.parametrize("published", ["2019", "2019-04", "2019-04-01", "2019-04-01T12:00:00Z",
                                       "2019-04-01 12:00:00+02:00", "2019-04-01T12:00:00.123456"])
def test_iso_published_values_are_kept(tmp_path, published):
    (tmp_path / "r.json").write_text(json.dumps({"text": _REPORT, "published": published}))
    [article] = _read(tmp_path)
    assert (article.published, article.published_basis) == (published, "metadata")


def test_fields_of_the_wrong_type_are_converted_or_dropped_with_warnings(tmp_path):
    lines = [{"doc_id": ["a", "b"], "title": {"a": 1}, "url": 42, "outlet": True, "published": 2019, "text": _REPORT},
             {"doc_id": 17, "text": 5},
             {"doc_id": 18, "html": ["<p>x</p>"]}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    items = _read(tmp_path)
    assert _codes(items) == ["W003", "W004", "W005", "W005", "W004", "article", "E014", "E014"]
    article = items[5]
    assert (article.doc_id, article.title, article.url, article.outlet, article.published) == ("b-1", None, "42", None, "2019")
    assert "title: a dict" in items[3].message and "'text' is 5" in items[6].message


def _has_controls(value, allowed=""):
    return any((ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) and ch not in allowed for ch in value)


def test_control_characters_are_removed_by_every_reader(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    dirty = "Anna\x1b[31m B\x00erg\x7f met\x85Paul\x9b Roe\x0cin Oslo\r\non Monday.\tTalks went on."
    (tmp_path / "a.txt").write_text("Title\x01 line\r\n\r\n" + dirty.replace("\x00", ""), encoding="utf-8")
    (tmp_path / "b.html").write_text(_PAGE.replace("Anna Berg", "Anna\x1b B\x08erg"), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"doc_id": "c\x00d", "title": "T\x00\nx", "url": "http://x/\x1b",
                                                 "outlet": "O\x9c", "text": dirty}))
    pq.write_table(pa.table({"doc_id": ["p\x01"], "title": ["P\x00"], "text": [dirty]}), tmp_path / "d.parquet")
    _write_warc(tmp_path / "e.warc", [("https://example.org/\x01a", _PAGE.replace("Anna Berg", "Anna\x00 Berg").encode(),
                                       "text/html", [])], compress=False)
    articles = _read(tmp_path)
    assert len(articles) == 5 and all(isinstance(a, Article) for a in articles)
    for article in articles:
        assert not _has_controls(article.text, allowed="\n\t"), article.source_path
        for value in (article.doc_id, article.title, article.url, article.outlet):
            assert value is None or not _has_controls(value), (article.source_path, value)
    json_article = articles[2]
    assert (json_article.doc_id, json_article.title, json_article.url) == ("cd", "T x", "http://x/")
    assert "Anna[31m Berg met\nPaul Roe\nin Oslo\non Monday.\tTalks" in json_article.text
    assert "Anna Berg" in articles[4].text


def test_truncated_warc_gz_record_is_skipped_and_earlier_records_kept(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _write_warc(path, [_html_record("https://example.org/a"), _html_record("https://example.org/b", "Karl Olsen"),
                       _html_record("https://example.org/c", "Lina Sabry " * 50)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    items = list(iter_articles([path]))
    assert _codes(items) == ["article", "article", "E021"]
    assert "cut.warc.gz#<urn:uuid:" in items[2].message


def test_truncated_uncompressed_warc_record_is_skipped(tmp_path):
    path = tmp_path / "cut.warc"
    _write_warc(path, [_html_record("https://example.org/a"), _html_record("https://example.org/c", "Lina Sabry " * 50)],
                compress=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    assert _codes(iter_articles([path])) == ["article", "E021"]


def test_unreadable_folder_is_one_problem_naming_it(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(_REPORT)
    (tmp_path / "open.txt").write_text(_REPORT)
    real_scandir = os.scandir

    def scandir_as_the_os_would(path="."):
        # Tests run as root, whom chmod 000 does not stop: refuse the way the OS refuses others.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    locked.chmod(0)
    monkeypatch.setattr(os, "scandir", scandir_as_the_os_would)
    try:
        items = _read(tmp_path)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert _codes(items) == ["E018", "article"]
    assert str(locked) in items[0].message and "Permission denied" in items[0].message


def test_folder_link_loop_is_one_problem_and_the_walk_ends(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(_REPORT)
    (folder / "loop").symlink_to(".")
    (folder / "self.txt").symlink_to("self.txt")
    assert list_inputs([folder]) == [folder / "a.txt", folder / "self.txt"]
    items = _read(folder)
    assert _codes(items) == ["article", "E019", "E011"]
    assert str(folder / "loop") in items[1].message and str(folder / "self.txt") in items[2].message


def test_missing_path_has_its_own_code(tmp_path):
    [problem] = _read(tmp_path / "no-such-report.txt")
    assert problem.code == "E017" and "no such file" in problem.message and "check the path" in problem.message


def test_pipe_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    [problem] = _read(tmp_path)
    assert problem.code == "E020"


def test_file_names_are_carried_literally(tmp_path):
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9 \x1b.txt"
    with open(raw_name, "wb") as handle:
        handle.write(b"")
    [problem] = _read(tmp_path)
    assert problem.source == os.fsdecode(raw_name)
    with open(raw_name, "wb") as handle:
        handle.write(_REPORT.encode())
    [article] = _read(tmp_path)
    assert article.doc_id == "caf\\xe9 \x1b" and article.source_path == str(tmp_path) + "/caf\\xe9 \x1b.txt"


def test_jsonl_record_holding_a_unicode_line_separator_stays_one_record(tmp_path):
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": _REPORT + "\u2028Second line\u0085."}, ensure_ascii=False))
    [article] = _read(tmp_path)
    assert "Second line" in article.text


@pytest.mark.parametrize("charset", ["no-such-charset", "undefined", "idna", "base64", "latin\x00-1"])
def test_warc_with_an_unknown_or_non_text_charset_is_read(tmp_path, charset):
    path = tmp_path / "news.warc"
    url, body, _, _ = _html_record("https://example.org/a")
    _write_warc(path, [(url, body, f"text/html; charset={charset}", [])], compress=False)
    [article] = list(iter_articles([path]))
    assert "Anna Berg" in article.text


def test_every_new_code_has_a_message_and_a_fix():
    for code, (what, fix) in MESSAGES.items():
        assert code[0] in "EW" and what and fix


def test_unexpected_error_in_a_later_record_keeps_the_earlier_ones(tmp_path, monkeypatch):
    import eventscribe.read.files as files
    real_from_record = files.from_record

    def failing_on_the_second(record, *args):
        if record.get("doc_id") == "b":
            raise RuntimeError("a bug")
        return real_from_record(record, *args)

    monkeypatch.setattr(files, "from_record", failing_on_the_second)
    lines = [json.dumps({"doc_id": name, "text": _REPORT}) for name in "abc"]
    (tmp_path / "a.jsonl").write_text("\n".join(lines))
    (tmp_path / "b.txt").write_text(_REPORT)
    items = _read(tmp_path)
    assert _codes(items) == ["article", "E029", "article"]
    assert items[0].doc_id == "a" and "RuntimeError: a bug" in items[1].message and items[2].doc_id == "b"
