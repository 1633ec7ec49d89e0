"""Reading inputs, good and bad: each bad file gives one clear reason and the run goes on."""
import gzip
import json

from eventscribe.errors import Problem
from eventscribe.read import iter_articles


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
