"""The command line: a thin layer over the library (read, analyze, store, export, evaluate)."""
from __future__ import annotations

import json
import os
import tempfile
import traceback
import unicodedata
from enum import Enum
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table
from rich.text import Text
from typer.core import TyperGroup, TyperOption

from .analyze import DEFAULT_MODEL
from .errors import EXIT_FAILED, EXIT_SKIPPED, EXIT_USAGE, EventscribeError, Problem, ProblemKind
from .export import FLAT_FORMATS, codebook_path, write_events
from .export.layouts import Layout
from .read import DEFAULT_MAX_BYTES
from .model import CONSULT_MODES, EVENT_TYPES, sides_of
from .store import DEFAULT_DB, Store
from .store.query import SHORT_ID, Sort
from .store.sqlite import store_exists


class _Commands(TyperGroup):
    """Every command ends with one of the exit statuses of errors.py (README, "Exit status"):
    an unexpected exception becomes one line `error: <what> (<type>)` and status 1, with the
    traceback written to a file (or printed with --debug), never dumped on the analyst."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):     # usage errors (2), --help, Ctrl-C
            raise
        except EventscribeError as err:      # how eventscribe was called
            _line("error: ", str(err))
            raise typer.Exit(EXIT_USAGE) from err
        except Exception as err:             # the run failed: the store, the disk, a bug
            if ctx.params.get("debug"):
                errors.file.write(traceback.format_exc())
            _line("error: ", str(err) or "-", f" ({_type_name(err)})", _traceback_hint(ctx))
            raise typer.Exit(EXIT_FAILED) from err


_option_type = TyperOption.display_type_rich


def _flag_type(self: TyperOption, ctx) -> str | None:
    """No value type beside a flag in --help: '--json' takes no value, so '<bool>' misleads."""
    return None if self.is_flag else _option_type(self, ctx)


# Typer 0.29 prints every option's type, a flag's too; this is the one place its help is changed.
TyperOption.display_type_rich = _flag_type


def _type_name(err: BaseException) -> str:
    kind = type(err)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _traceback_hint(ctx: typer.Context) -> str:
    if ctx.params.get("debug"):
        return ""
    command = ctx.invoked_subcommand or "..."
    try:
        handle, name = tempfile.mkstemp(prefix="eventscribe-error-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(traceback.format_exc())
        return f"; traceback in {name} (or rerun as `eventscribe --debug {command} ...`)"
    except OSError:
        return f"; rerun as `eventscribe --debug {command} ...` to see the traceback"


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=_Commands,
                  help="eventscribe: political events from news reports, with their evidence.")
console = Console()
errors = Console(stderr=True)

# Shown escaped, repr-style (\x1b, \n, \u202e, \udcff): control characters, line and paragraph
# separators, text-direction overrides and undecodable bytes of file names.
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") or char in _BIDI


def _plain(value: object) -> str:
    """Data (file names, ids, names, sentences, URLs) as it may be shown: on one line, with
    control characters escaped. Printed as Text, so markup and emoji codes stay literal."""
    text = "" if value is None else str(value)
    if not any(_hidden(char) for char in text):
        return text
    return "".join(repr(char)[1:-1] if _hidden(char) else char for char in text)


def _line(*parts: str | tuple[str, str], to: Console | None = None) -> None:
    """Print one physical line, never wrapped nor cropped: plain parts are data shown literally
    (see _plain); (text, style) pairs are the program's own labels, styled."""
    line = Text(no_wrap=True, overflow="ignore")
    for part in parts:
        if isinstance(part, tuple):
            line.append(_plain(part[0]), style=part[1])
        else:
            line.append(_plain(part))
    (to or errors).print(line, soft_wrap=True)


def _cells(row: list) -> list[Text]:
    """Table cells printed literally (a name like "[bold]x" stays as it is)."""
    return [Text(_plain(cell)) for cell in row]


@app.callback()
def _options(debug: bool = typer.Option(False, "--debug", help="On an unexpected error, print the traceback"
                                        " (else it is written to a file named in the error line).")) -> None:
    """eventscribe: political events from news reports, with their evidence."""

DbOption = typer.Option(DEFAULT_DB, "--db", help="The store: a SQLite file, or postgresql://user@host/database.")


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    gexf = "gexf"
    graphml = "graphml"


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (recursive): .txt .html .json .jsonl (optionally .gz),"
                                                 " .parquet, .warc(.gz)"),
    db: str = DbOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that analyse documents (local engine)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine's processes) or spark."),
    master: str = typer.Option("local[2]", "--master", help="Spark master for --engine spark: local[N], spark://host:port, yarn."),
    parquet_out: Optional[Path] = typer.Option(None, "--parquet-out", help="Also write mentions and events as Parquet partitioned by type."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="Installed spaCy English pipeline package."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip files larger than this."),
    overrides: Optional[Path] = typer.Option(None, "--overrides", help="Actor overrides, JSON Lines (see `resolve --help`)."),
) -> None:
    """Read reports, find their events, store them and merge them with what the store has.

    Example: eventscribe ingest examples/ --db events.db --workers 2
             eventscribe ingest archive.warc.gz --engine spark --master local[2] --parquet-out out/
    """
    from .engines import get_engine
    from .export import write_partitioned
    from .ingest import ingest as run_ingest
    from .resolve import load_overrides

    try:
        runner = get_engine(engine, workers=workers, master=master)
    except (ValueError, EventscribeError) as problem:
        _line(("error: ", "red"), str(problem))
        raise typer.Exit(EXIT_USAGE)
    with Store(db) as store, Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=errors, transient=True,
                                      disable=not errors.is_terminal) as progress:    # a log gets no blank line
        task = progress.add_task("analyse", total=None)
        report = run_ingest(
            paths, store, workers=workers, model=model, max_bytes=max_bytes,
            on_problem=_print_problem,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            overrides=load_overrides(overrides) if overrides else None, engine=runner,
        )
        runner.close()
        counts = store.counts()
        if parquet_out:
            write_partitioned(store, parquet_out)
    if not report.stats["read"]:
        _line(("skipped", "yellow"), " ", " ".join(str(p) for p in paths), ": no input files found (names starting with '.' are not read)")
    _line(f"store {_plain(db)}:")
    errors.print(_summary(report.stats, counts))
    _line("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in report.seconds.items()))
    if report.skipped or not report.stats["read"]:
        raise typer.Exit(EXIT_SKIPPED)


def _summary(stats: dict, counts: dict) -> Table:
    """What this run did beside what the store now holds: a re-run that changes nothing says so
    ('events made 0') without hiding the events the store keeps."""
    table = Table("", Column("this run", justify="right"), Column("in the store", justify="right"),
                  box=box.SIMPLE_HEAD)
    rows = [("reports read", stats.get("read", 0), ""), ("stored new", stats.get("stored new", 0), "")]
    rows += [(key, value, "") for key, value in sorted(stats.items())
             if value and key.startswith(("stored ", "copies ", "skipped ", "warnings ")) and key != "stored new"]
    rows += [("unchanged", stats.get("unchanged", 0), ""),
             ("reports", "", counts["documents"]),
             ("mentions", stats.get("mentions", 0), counts["mentions"]),
             ("events made", stats.get("merged events", 0), counts["events"]),
             ("events told by several reports", "", counts["multi-report events"]),
             ("actors", "", counts["actors"])]
    for label, run, stored in rows:
        table.add_row(*_cells([label, run, stored]))    # a code's meaning: on its problem lines above
    return table


_COLOURS = {ProblemKind.SKIPPED: "yellow", ProblemKind.WARNING: "magenta", ProblemKind.COPY: "cyan"}


def _print_problem(problem: Problem) -> None:
    """One physical line per problem: `skipped` (E codes), `copy` (E012, the text is kept under
    another id) or `warning` (W codes: stored, with a value dropped or converted)."""
    _line((problem.kind.value, _COLOURS[problem.kind]), " ", problem.message)


def _print_events(records: Iterable[dict], fmt: OutputFormat) -> None:
    """The records as they stream from the store: JSON and CSV a record at a time; a table
    holds its rows (not the records) until it is drawn."""
    if fmt is OutputFormat.json:
        typer.echo("[", nl=False)
        for number, record in enumerate(records):
            typer.echo(("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False), nl=False)
        typer.echo("\n]")
        return
    # a table shows ids as git shows commits, by their first characters (any command takes them)
    short = fmt is OutputFormat.table
    rows = ([r["event_id"][:SHORT_ID] if short else r["event_id"], r["type"], r["mode"] or "", r["date"] or "",
             _sides(r["actors"]), (r["location"] or {}).get("name") or "",
             f"{r['confidence']:.2f}", str(len({m["doc_id"] for m in r["mentions"]}))] for r in records)
    header = ["event_id", "type", "mode", "date", "actors", "place", "conf", "reports"]
    if fmt is OutputFormat.csv:
        import csv
        import sys
        from .textsafety import csv_row
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(csv_row(row) for row in rows)   # no cell may start a spreadsheet formula
        return
    table = Table(*header, show_lines=False)
    for row in rows:
        table.add_row(*_cells(row))
    console.print(table)


def _sides(actors: list[dict]) -> str:
    """'A → B' when the event has a doer or a target ('?' for the one not known); else the
    participants, '; '-joined."""
    def named(side: list[dict]) -> str:
        return "; ".join(a["name"] for a in side)
    doers, targets, others = sides_of(actors)
    if doers or targets:
        return (named(doers) or "?") + " → " + (named(targets) or "?") + "".join("; " + a["name"] for a in others)
    return named(others)


# The filters of store/query.py, the same for `events`, `export`, the Python API and the web.
TypeOption = typer.Option(None, "--type", help=f"PLOVER type: {', '.join(EVENT_TYPES)}.")
ModeOption = typer.Option(None, "--mode", help=f"CONSULT mode: {', '.join(CONSULT_MODES)}.")
ActorOption = typer.Option(None, "--actor", help="An actor's id (or its first 8 characters) or words of any spelling.")
ActorCountryOption = typer.Option(None, "--actor-country", help="ISO3 of an actor's country, e.g. SYR.")
PlaceOption = typer.Option(None, "--place", help="Words of the event's place name.")
PlaceCountryOption = typer.Option(None, "--place-country", help="ISO3 of the event's place, e.g. SYR.")
SinceOption = typer.Option(None, "--since", help="Earliest date, YYYY[-MM[-DD]].")
UntilOption = typer.Option(None, "--until", help="Latest date, YYYY[-MM[-DD]] (the whole month or year it names).")
QOption = typer.Option(None, "--q", help="Words in the evidence sentences (all of them).")
OutletOption = typer.Option(None, "--outlet", help="Words of the outlet of any report telling the event.")
SortOption = typer.Option(Sort.NEWEST, "--sort", help="newest or oldest (by event date, undated last), sources (most"
                          " reports first), confidence (surest first), type or place (A to Z).")


def _filters(**given) -> dict:
    """The command's filter options as store/query.py takes them (checked there)."""
    return {name: value for name, value in given.items() if value is not None}


@app.command()
def events(
    db: str = DbOption,
    type: Optional[str] = TypeOption, mode: Optional[str] = ModeOption,
    actor: Optional[str] = ActorOption, actor_country: Optional[str] = ActorCountryOption,
    place: Optional[str] = PlaceOption, place_country: Optional[str] = PlaceCountryOption,
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    q: Optional[str] = QOption, outlet: Optional[str] = OutletOption, sort: Sort = SortOption,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many events."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """List stored events, newest first, with the filters the web pages and the Python API take.

    Example: eventscribe events --type CONSULT --actor Assad --since 2018 --format csv
    """
    filters = _filters(type=type, mode=mode, actor=actor, actor_country=actor_country, place=place,
                       place_country=place_country, since=since, until=until, q=q, outlet=outlet, sort=sort)
    with _existing_store(db) as store:
        _print_events(store.iter_records(limit=limit, **filters), format)


def _count(number: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _date_line(record: dict) -> str:
    """'2024-03-05 (day) from 'on Tuesday': text', or, with no expression, '2024-03 (month): publication month …'."""
    if record["date"] is None:
        return "unknown"
    found = f" from {record['date_expression']!r}" if record["date_expression"] else ""
    return f"{record['date']} ({record['date_precision']}){found}: {record['date_basis']}"


def _place_line(location: dict | None) -> str:
    """'Aleppo, SYR (36.2, 37.16)'; only the parts known."""
    if not location:
        return "unknown"
    where = location["name"] + (f", {location['country']}" if location["country"] else "")
    return where + (f" ({location['lat']}, {location['lon']})" if location["lat"] is not None else "")


def _existing_store(db: str) -> Store:
    """The store a reading command reads: one that is not there is an error, never a new file."""
    if not store_exists(db):
        _line(("error: ", "red"), f"no store at {_plain(db)}; give its path with --db, or make one with"
              f" `eventscribe ingest REPORTS --db {_plain(db)}`")
        raise typer.Exit(EXIT_FAILED)
    return Store(db)


def _printed_as_json(kind: str, key: str, db: Path, record: dict | None, as_json: bool) -> bool:
    """Exit with status 1 when nothing was found; print JSON when asked (and say so)."""
    if record is None:
        _line(f"no {kind} {key!r} in {db}")
        raise typer.Exit(EXIT_FAILED)
    if as_json:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=1))
    return as_json


@app.command()
def show(event_id: str = typer.Argument(..., help="The event's id, or its first characters (4 or more)."),
         db: str = DbOption,
         json_output: bool = typer.Option(False, "--json", help="Print the export record.")) -> None:
    """One event: participants, date with its basis, place, evidence.

    Example: eventscribe show 3f2a9c0d
    """
    from .resolve.evidence import explain_merge
    from .store.resolution import merge_context

    with _existing_store(db) as store:
        record = store.event(event_id)
        reasons = (record or {}).get("merge_reason") or []
        reasons = reasons if isinstance(reasons, list) else [reasons]
        reports, names = merge_context(store.connection, reasons) if reasons else ({}, {})
    if _printed_as_json("event", event_id, db, record, json_output):
        return
    _line((record["type"], "bold"), f" {record['mode'] or ''}  {record['event_id']}  confidence {record['confidence']}", to=console)
    _line(f"date: {_date_line(record)}", to=console)
    _line(f"place: {_place_line(record['location'])}", to=console)
    for actor in record["actors"]:
        _line(f"  {actor['role']}: {actor['name']}" + (f" — {actor['title']}" if actor["title"] else ""), to=console)
    _line(f"sources: {_count(record.get('source_count') or 0, 'independent report')}", to=console)
    for reason in reasons:
        _line(f"merged: {explain_merge(reason, reports, names)}", to=console)
    for mention in record["mentions"]:
        copy = f" (reprint of {mention['copy_of']})" if mention.get("copy_of") else ""
        _line(f"- {mention['doc_id']} [{mention['start']}:{mention['end']}] {mention['outlet'] or ''} {mention['published'] or ''}{copy}", to=console)
        _line(f"  “{mention['sentence']}”", to=console)


@app.command()
def export(
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f",
                                        help="jsonl: the nested record; csv: flat columns with a codebook beside the file;"
                                             " parquet: the nested record; geojson: events with a place; gexf, graphml:"
                                             " the actor network."),
    layout: Layout = typer.Option(Layout.EVENTSCRIBE, "--layout",
                                  help="CSV columns: eventscribe's, or POLECAT's or ICEWS's column names (README, Exports)."),
    db: str = DbOption,
    type: Optional[str] = TypeOption, mode: Optional[str] = ModeOption,
    actor: Optional[str] = ActorOption, actor_country: Optional[str] = ActorCountryOption,
    place: Optional[str] = PlaceOption, place_country: Optional[str] = PlaceCountryOption,
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    q: Optional[str] = QOption, outlet: Optional[str] = OutletOption, sort: Sort = SortOption,
) -> None:
    """Write the events (all, or those the filters of `events` select) as JSONL (the DESIGN.md
    record), CSV with a codebook, Parquet, GeoJSON, or their actors' network (GEXF, GraphML).

    Example: eventscribe export --format jsonl -o events.jsonl --type ASSAULT --since 2024
             eventscribe export --format csv --layout icews -o events.csv
             eventscribe export --format gexf -o network.gexf --actor-country SYR
    """
    if layout is not Layout.EVENTSCRIBE and format.value not in FLAT_FORMATS:
        raise EventscribeError("Q003", f"--layout {layout.value} names columns of a flat file",
                               f"use it with --format {' or '.join(FLAT_FORMATS)}")
    filters = _filters(type=type, mode=mode, actor=actor, actor_country=actor_country, place=place,
                       place_country=place_country, since=since, until=until, q=q, outlet=outlet, sort=sort)
    with _existing_store(db) as store:
        records = store.iter_records(**filters)
        written = write_events(records, output, format.value, layout)
    told = {ExportFormat.geojson: f"{_count(written, 'event')} with a place",
            ExportFormat.gexf: f"the actor network of {_count(written, 'event')}"}
    told[ExportFormat.graphml] = told[ExportFormat.gexf]
    _line(f"wrote {told.get(format, _count(written, 'event'))} to {output}"
          + (f", its codebook to {codebook_path(output)}" if format is ExportFormat.csv else ""))


@app.command("export-store")
def export_store(folder: Path = typer.Argument(..., help="Folder to write (replaced if it exists)."), db: str = DbOption) -> None:
    """Write the whole store as Parquet (mentions and events partitioned by type), to move it
    between machines or backends, or to read it with Spark.

    Example: eventscribe export-store archive-parquet/ --db events.db
    """
    from .export import write_partitioned
    with _existing_store(db) as store:
        written = write_partitioned(store, folder)
    _line(", ".join(f"{table}: {count}" for table, count in written.items()))


@app.command("import-store")
def import_store(folder: Path = typer.Argument(..., help="Folder written by export-store."), db: str = DbOption) -> None:
    """Load a folder written by export-store into a new, empty store.

    Example: eventscribe import-store archive-parquet/ --db postgresql://me@localhost/events
    """
    from .export import read_partitioned
    with Store(db) as store:
        try:
            loaded = read_partitioned(store, folder)
        except ValueError as problem:
            _line(("error: ", "red"), str(problem))
            raise typer.Exit(EXIT_FAILED)
    _line(", ".join(f"{table}: {count}" for table, count in loaded.items()))


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold events, JSON Lines."),
    actors: Path = typer.Option(..., "--actors", help="Actor spellings, JSON."),
    db: str = DbOption,
    exhaustive: bool = typer.Option(False, "--exhaustive", help="The gold lists every event of every type"
                                    " (world2-dev): score precision and F1 over all types, per type."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score the store's events against gold events, listing misses and false positives.

    Example: eventscribe evaluate --gold ../shared/corpus/seeds-gold.jsonl --actors ../shared/corpus/seeds-actors.json
             eventscribe evaluate --exhaustive --gold ../shared/corpus/world2-dev/gold.jsonl --actors ../shared/corpus/world2-dev/actors.json
    """
    from .evaluate.gold import load_actor_spellings, load_gold, score

    with _existing_store(db) as store:
        result = score(list(store.iter_records()), load_gold(gold), load_actor_spellings(actors), exhaustive)
    if json_output:
        typer.echo(json.dumps(result.summary() | ({"by_type": result.type_table()} if exhaustive else {}), indent=1))
        return
    for key, value in result.summary().items():
        _line(f"{key:28} {value}", to=console)
    for type_, row in result.type_table().items():
        _line(f"{type_:10} gold {row['gold']:3}  found {row['found']:3}  recall {row['recall']}"
              f"  predicted {row['predicted']:3}  correct {row['correct']:3}  precision {row['precision']}", to=console)
    for miss in result.misses:
        _line(("missed", "red"), f" {miss['id']} {miss['type']} {miss['actors']}: {miss['evidence'][:120]}", to=console)
    for event in result.false_positives:
        names = [a["name"] for a in event["actors"]]
        _line(("false positive", "yellow"), f" {event['event_id']} {event['type']} {names}: {event['mentions'][0]['sentence'][:120]}", to=console)
    for event in result.false_merge_events:
        docs = sorted({m["doc_id"] for m in event["mentions"]})
        _line(("false merge", "red"), f" {event['event_id']} {event['type']} {[a['name'] for a in event['actors']]}: reports {docs}", to=console)
    for line in result.date_errors:
        _line(("date", "magenta"), f" {line}", to=console)
    for line in result.location_errors:
        _line(("location", "cyan"), f" {line}", to=console)
    for line in result.actor_errors:
        _line(("actor", "blue"), f" {line}", to=console)


@app.command("resolve")
def resolve_command(
    db: str = DbOption,
    overrides: Optional[Path] = typer.Option(None, "--overrides", help="JSON Lines: {\"merge\": [A, B]}, {\"apart\": [A, B]}, {\"rename\": [A, NEW]}, {\"country\": [A, ISO3]}, {\"sector\": [A, GOV]}."),
    full: bool = typer.Option(False, "--full", help="Resolve every event again, not only new ones."),
) -> None:
    """Resolve actors and merge events across reports (ingest does this too).

    Example: eventscribe resolve --overrides my-actors.jsonl --full
    """
    from .resolve import load_overrides, resolve

    with _existing_store(db) as store:
        done = resolve(store, full=full, overrides=load_overrides(overrides) if overrides else None)
    _line(", ".join(f"{k}: {v}" for k, v in done.items()))


@app.command()
def actors(
    db: str = DbOption,
    search: Optional[str] = typer.Option(None, "--search", help="Part of any spelling."),
    limit: int = typer.Option(50, "--limit", min=1),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f"),
) -> None:
    """List canonical actors with their spellings, country and sector.

    Example: eventscribe actors --search Lavr
    """
    with _existing_store(db) as store:
        found = store.actors(search, limit)
    if format is OutputFormat.json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    table = Table("actor_id", "name", "kind", "country", "sector", "mentions", "spellings")
    for actor in found:
        table.add_row(*_cells([actor["actor_id"], actor["name"], actor["kind"] or "", actor["country"] or "",
                               actor["sector"] or "", str(actor["mention_count"]), "; ".join(actor["aliases"][:6])]))
    console.print(table)


@app.command()
def actor(name: str, db: str = DbOption,
          json_output: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """One actor: spellings with counts, titles over time, events, counterparts.

    Example: eventscribe actor "Lavrentyev"
    """
    with _existing_store(db) as store:
        found = store.actor(name)
    if _printed_as_json("actor", name, db, found, json_output):
        return
    _line((found["name"], "bold"), f"  {found['actor_id']}  {found['kind'] or ''} {found['country'] or ''} {found['sector'] or ''}", to=console)
    _line("spellings: " + "; ".join(f"{a['alias']} ({a['count']})" for a in found["aliases"]), to=console)
    for title in found["titles"]:
        _line(f"title: {title['title']} ({title['first_seen']} to {title['last_seen']}, {title['count']}x)", to=console)
    for event in found["events"]:
        _line(f"event: {event['event_id']} {event['type']} {event['mode'] or ''} {event['date'] or ''} {event['location_name'] or ''} sources {event['source_count']}", to=console)
    for other in found["counterparts"][:20]:
        _line(f"counterpart: {other['name']} ({other['events']} events)", to=console)


@app.command("merge-actors")
def merge_actors(first: str, second: str, db: str = DbOption,
                 apart: bool = typer.Option(False, "--apart", help="Keep the two apart instead.")) -> None:
    """Tell the store two spellings are one actor (or, with --apart, two); kept for every run.

    Example: eventscribe merge-actors "King Abdullah" "Abdullah II"
    """
    from .resolve import resolve
    from .store.resolution import add_override

    with _existing_store(db) as store:
        add_override(store.connection, "apart" if apart else "merge", first, second)
        done = resolve(store, full=True)
    _line(", ".join(f"{k}: {v}" for k, v in done.items()))


@app.command("import-actors")
def import_actors(path: Path = typer.Argument(..., help="PETRARCH/Phoenix .actors.txt, or a CSV with name, aliases, country, sector, kb_id, valid_from, valid_to."),
                  db: str = DbOption) -> None:
    """Import an actor dictionary; its actors resolve with their codes from now on.

    Example: eventscribe import-actors Phoenix.Countries.actors.txt
    """
    from .resolve import import_dictionary

    with Store(db) as store:
        count = import_dictionary(store, path)
    _line(f"imported {count} dictionary entries from {path}")


class Component(str, Enum):
    plover = "plover"
    plover_gsr = "plover-gsr"
    heldout = "heldout"
    tempeval = "tempeval"
    zyte = "zyte"
    ecbplus = "ecbplus"


@app.command()
def check(
    component: Component = typer.Argument(..., help="plover (event types, plv_sentences.csv), plover-gsr (event types, PLOVER_GSR_CAMEO.txt), heldout (event types, the project's held-out sentences), tempeval (date values), zyte (HTML text) or ecbplus (same-event report clustering)."),
    path: Path = typer.Option(..., "--path", help="plv_sentences.csv, PLOVER_GSR_CAMEO.txt, bench/heldout (or one of its .jsonl files), the TempEval-3 platinum folder, the Zyte benchmark folder, or the ECB+ folder."),
) -> None:
    """Score one component on a public gold set and print the scores as JSON.

    Example: eventscribe check tempeval --path ../shared/corpus/tempeval3/platinum
    """
    if component is Component.plover:
        from .evaluate.plover import evaluate as run
    elif component is Component.plover_gsr:
        from .evaluate.plover import evaluate_gsr as run
    elif component is Component.heldout:
        from .evaluate.heldout import evaluate as run
    elif component is Component.tempeval:
        from .evaluate.tempeval import evaluate as run
    elif component is Component.ecbplus:
        from .evaluate.ecbplus import evaluate as run
    else:
        from .evaluate.zyte import evaluate as run
    typer.echo(json.dumps(run(path), indent=1))


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 127.0.0.1 keeps it to this machine."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
) -> None:
    """Browse events, actors and evidence in a local web app (every page also as .json).

    Example: eventscribe serve --db events.db --port 8000   (then open http://127.0.0.1:8000)
    """
    import uvicorn

    from .web.app import create_app
    try:
        web = create_app(db, hosts=[host])
    except FileNotFoundError as problem:
        _line(("error: ", "red"), str(problem))
        raise typer.Exit(EXIT_FAILED)
    from .web.guard import LOOPBACK_HOSTS
    if host not in {name.strip("[]") for name in LOOPBACK_HOSTS}:
        _line((f"Listening on {host}: other machines can read this store.", "yellow"))
    shown = f"[{host}]" if ":" in host else host
    _line(f"serving {_plain(db)} at http://{shown}:{port}/ (Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")


def main() -> None:
    app()     # exit statuses: see _Commands and README "Exit status"


if __name__ == "__main__":
    main()
