"""One ingest of a folder holding every input that used to crash a run, beside 35 real reports
(world-dev, read from ../shared and copied only into the test's temporary folder): all good
reports are stored, each bad input costs one line, and the run exits with the "some skipped"
status. The hostile inputs are built here; their few sentences are invented."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from test_read import _write_warc

from eventscribe.errors import EXIT_SKIPPED
from eventscribe.store import Store

REPORT = ("Talks in Valletta\n\nForeign Minister Oskar Lind met his Maltese counterpart Marija Vella in "
          "Valletta on Tuesday to discuss migration at sea.\n")
PAGE = f"<html><body><article><h1>Talks</h1><p>{REPORT}</p><p>{REPORT}</p></article></body></html>"


def _hostile_inputs(folder: Path) -> dict[str, str]:
    """Write each input that used to crash (or be silently wrong); return name -> expected kind."""
    expected = {}

    def put(name: str, data: bytes, kind: str) -> None:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        expected[name] = kind

    put("corrupt.txt.gz", gzip.compress(REPORT.encode())[:12] + os.urandom(400), "skipped")
    put("deep.json", ("[" * 1000 + "]" * 1000).encode(), "skipped")
    put("deep-line.jsonl", ('{"text": ' + "[" * 1000 + "]" * 1000 + "}\n").encode(), "skipped")
    huge_id = "7" * 5000                                                # over Python's int-string limit
    put("huge-id.json", f'{{"doc_id": {huge_id}, "text": {json.dumps(REPORT.replace("Tuesday", "Monday"))}}}'.encode(),
        "warning")
    put("surrogate.json", b'{"doc_id": "sur", "title": "a \\ud800 b", "text": "' +
        json.dumps(REPORT.replace("Tuesday", "Wednesday"))[1:-1].encode() + b' \\ud800"}', "stored")
    put("m[/x].txt", b"", "skipped")                  # markup across a folder and a file name; empty
    put("bad-published.json", json.dumps({"doc_id": "pub", "published": "2018-02-30",
                                          "text": REPORT.replace("Tuesday", "Thursday")}).encode(), "warning")
    utf8 = REPORT.replace("Tuesday", "Friday").replace("Marija", "Marija \u201cMajja\u201d Vell\u00e0 \u2013")
    put("mixed.txt", utf8.encode() + "Caf\u00e9 talks.\n".encode("latin-1"), "warning")   # UTF-8 but one byte
    warc = folder / "no-uri.warc.gz"
    _write_warc(warc, [(None, PAGE.replace("Tuesday", "Saturday").encode(), "text/html", [])])
    expected[warc.name] = "warning"
    put("bomb.warc.gz", _bomb_warc(300 << 20), "skipped")               # 300 MB of body in ~300 KB
    cut = folder / "cut.warc.gz"
    _write_warc(cut, [("https://example.org/cut", PAGE.replace("Tuesday", "Sunday").encode() * 50, "text/html", [])])
    cut.write_bytes(cut.read_bytes()[:-300])
    expected[cut.name] = "skipped"
    (folder / "loop").symlink_to(".")                                   # a folder that contains itself
    expected["loop"] = "skipped"
    return expected


def _bomb_warc(size: int) -> bytes:
    """A WARC response record whose gzip member expands to `size` bytes of HTML body."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    body_length = len(head) + size
    warc_head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
                 f"WARC-Target-URI: https://example.org/bomb\r\nContent-Type: application/http; msgtype=response\r\n"
                 f"Content-Length: {body_length}\r\n\r\n").encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(warc_head + head)]
    chunk = b"<p>" + bytes(1 << 20) + b"</p>"
    parts += [packer.compress(chunk[: 1 << 20]) for _ in range(size >> 20)]
    parts.append(packer.compress(b"\r\n\r\n"))
    return b"".join(parts) + packer.flush()


def test_folder_of_crash_inputs_and_35_reports_stores_every_report_and_exits_skipped(corpus, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    good = sorted((corpus / "world-dev" / "input").glob("*.json"))
    assert len(good) == 35
    for path in good:
        shutil.copy(path, folder / path.name)
    expected = _hostile_inputs(folder)
    db = tmp_path / "s.db"
    command = [str(Path(sys.executable).with_name("eventscribe")), "ingest", str(folder), "--db", str(db)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, env=os.environ | {"COLUMNS": "80"})
    assert run.returncode == EXIT_SKIPPED, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith(("skipped ", "warning ", "copy "))]
    for name, kind in expected.items():
        if kind == "stored":
            continue
        naming = [line for line in lines if f"/{name}" in line]
        assert len(naming) == 1 and naming[0].startswith(kind), (name, naming)
    assert len(lines) == sum(kind != "stored" for kind in expected.values())
    with Store(db) as store:
        stored = {row[0] for row in store.connection.execute("SELECT doc_id FROM documents")}
        names = [row[0] for row in store.connection.execute("SELECT name FROM mention_participants")]
    assert {json.loads(p.read_text())["doc_id"] for p in good} <= stored
    assert {"sur", "pub"} <= stored and len(stored) == 35 + 5     # and huge-id, mixed, no-uri
    assert not any(ch in name for name in names for ch in "\x00\ufffd")
