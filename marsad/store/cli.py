"""The store's commands: ingest, actors, profile, events, claims, show, graph, changes, correct, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError, StoreError

COMMANDS = ("ingest", "actors", "profile", "events", "claims", "show", "graph", "changes", "correct", "export")

EXAMPLES = {
    "ingest": "  marsad ingest news/ --db marsad.db\n  marsad ingest corpus.jsonl.gz analyses.jsonl --db postgresql://me@localhost/marsad\n",
    "actors": "  marsad actors حفتر\n  marsad actors 'الجيش الوطني' --json\n",
    "profile": "  marsad profile 'خليفة حفتر'\n  marsad profile 12 --json\n",
    "events": "  marsad events --type ARMED_CLASH --from 2016-01-01 --to 2016-12-31\n"
              "  marsad events --actor حفتر --min-sources 2\n  marsad events --near 32.1,20.1,50 --json\n",
    "claims": "  marsad claims --anonymous-only\n  marsad claims --speaker المسماري --about 'قوات حفتر'\n",
    "show": "  marsad show event 7\n  marsad show relation 'COMMANDS|kb:haftar|kb:lna'\n",
    "graph": "  marsad graph --at 2016-10-11\n  marsad graph --at 2016-10-11 --format graphml --out net.graphml\n",
    "changes": "  marsad changes 'قوات حفتر' --from 2016-01-01 --to 2016-12-31\n",
    "correct": "  marsad correct relation 5 reject --note 'misread: the article denies it'\n"
               "  marsad correct actor 14 merge --into 3\n  marsad correct event 9 edit --set type=ARMED_CLASH\n",
    "export": "  marsad export acled --out events.csv\n  marsad export graphml --at 2017-03-01 --out net.graphml\n"
              "  marsad export geojson --type ATTACK --out attacks.geojson\n",
}


def _sub(sub: Any, name: str, help_: str, description: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
    return sub.add_parser(name, parents=list(parents), help=help_, description=description,
                          epilog="examples:\n" + EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter)


def _event_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", help="event type (ARMED_CLASH, ATTACK, TERRITORY_CONTROL, …)")
    p.add_argument("--actor", help="an agent or target: id, key or any name")
    p.add_argument("--place", help="the event's place: id, key or any name")
    p.add_argument("--near", metavar="LAT,LON,KM", help="events within KM of a point")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="on or after this date (ISO)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="on or before this date (ISO)")
    p.add_argument("--source-kind", choices=("narrator", "named_person", "organization", "media", "anonymous",
                                             "document"), help="reported by this kind of source")
    p.add_argument("--min-sources", type=int, default=1, help="at least this many independent sources")


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a readable list")


def add_commands(sub: Any, common: argparse.ArgumentParser, logopts: argparse.ArgumentParser) -> None:
    """Add the store's subcommands to the `marsad` parser (`common` carries --config, --kb, --disable
    and the logging flags, `logopts` the logging flags alone)."""
    dbopt = argparse.ArgumentParser(add_help=False)
    dbopt.add_argument("--db", metavar="URL", default=None,
                    help="the store: a SQLite file (default ./marsad.db, or $MARSAD_DB) or a postgresql:// URL")
    db = argparse.ArgumentParser(add_help=False, parents=[dbopt, logopts])

    from marsad.scale.cli import options as scale_options

    p = _sub(sub, "ingest", "analyse articles and store them (or store analyses already made)",
             "Analyse articles (every input 'marsad analyze' reads) and store them, merged with what the store "
             "holds; JSON or JSON Lines files of marsad.analysis/1 analyses are stored as they are. An article "
             "already stored is skipped, so an interrupted run can simply be run again.", dbopt, common,
             scale_options(resume=False))
    p.add_argument("paths", nargs="+", metavar="PATH")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary")
    g.add_argument("--progress", action="store_true", help="progress lines even when not on a terminal")

    p = _sub(sub, "actors", "find actors by any of their names", "Actors whose names match, with their aliases.",
             db)
    p.add_argument("name")
    p.add_argument("--limit", type=int, default=20)
    _json(p)

    p = _sub(sub, "profile", "everything about one actor", "An actor's names, relations over time, events, "
             "claims about it by source kind, and claims it made.", db)
    p.add_argument("actor", help="id, key or any name")
    _json(p)

    p = _sub(sub, "events", "events by type, actor, place, date and sources", "List stored events.", db)
    _event_filters(p)
    p.add_argument("--limit", type=int, default=None)
    _json(p)

    p = _sub(sub, "claims", "claims by speaker, subject or kind of source", "List stored claims.", db)
    p.add_argument("--speaker", help="who said it: id, key or any name")
    p.add_argument("--about", help="an actor the claim names")
    p.add_argument("--source-kind", choices=("named_person", "organization", "media", "anonymous", "document"))
    p.add_argument("--anonymous-only", action="store_true", help="claims resting only on anonymous sources")
    p.add_argument("--limit", type=int, default=None)
    _json(p)

    p = _sub(sub, "show", "one stored fact with its evidence", "Show an actor, relation, event or claim with "
             "its evidence sentences, outlets, dates and kinds of source.", db)
    p.add_argument("kind", choices=("actor", "relation", "event", "claim"))
    p.add_argument("id", help="the id (or key) shown by other commands")
    _json(p)

    p = _sub(sub, "graph", "the actor network as stated up to a date", "The command, allegiance, support and "
             "control network as stated by the articles published up to --at.", db)
    p.add_argument("--at", metavar="DATE", help="up to this date (default: everything)")
    p.add_argument("--format", choices=("text", "json", "graphml", "gexf"), default="text")
    p.add_argument("--out", metavar="FILE")

    p = _sub(sub, "changes", "an actor's changes of allegiance and control", "Defections, new loyalties, "
             "alliances and places taken or lost, with their evidence.", db)
    p.add_argument("actor")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    _json(p)

    p = _sub(sub, "correct", "confirm, reject, edit or merge (an analyst's correction)",
             "Record an analyst's correction; it wins over the machine's output and survives re-ingest.", db)
    p.add_argument("target", choices=("actor", "relation", "event"))
    p.add_argument("id", help="the id or key of the actor, relation or event")
    p.add_argument("action", choices=("confirm", "reject", "edit", "merge"))
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="with edit; repeatable")
    p.add_argument("--into", metavar="ACTOR", help="with merge: the actor to merge into")
    p.add_argument("--author")
    p.add_argument("--note")

    p = _sub(sub, "export", "export events or the network (ACLED CSV, PLOVER, GraphML, GEXF, GeoJSON, JSONL)",
             "Write an export of the store.", db)
    p.add_argument("format", choices=("acled", "plover", "graphml", "gexf", "geojson", "jsonl"))
    p.add_argument("--out", metavar="FILE", help="the file to write (default: standard output)")
    p.add_argument("--at", metavar="DATE", help="graphml/gexf: the network up to this date")
    _event_filters(p)


def _db(args: argparse.Namespace) -> str | None:
    import os

    return args.db or os.environ.get("MARSAD_DB") or None


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def run(args: argparse.Namespace) -> int:
    """Run one store command; errors are raised as MarsadError for the caller to report."""
    from marsad.store import Reader, Store

    if args.command == "ingest":
        return _ingest(args)
    with Store(_db(args), create=False) as store, store.connect() as conn:
        reader = Reader(conn)
        return _read_command(args, reader, conn)


def _ingest(args: argparse.Namespace) -> int:
    """`marsad ingest`: a progress bar (lines every 10 s off a terminal), the summary; the exit code."""
    from marsad.progress import Progress, count_articles
    from marsad.scale import cli as scale
    from marsad.settings import Settings
    from marsad.store import Store
    from marsad.watch.alerts import attach_alerts   # the alert rules, evaluated on every new article
    from marsad.watch.sinks import TerminalSink

    settings = Settings.load(args.config, kb=tuple(args.kb) or None, disable=tuple(args.disable) or None)
    if scale.executor_choice(args) is None:   # option errors before the store is opened
        from marsad.scale.work import pipeline_for

        pipeline_for(settings)   # and settings no pipeline can be built from
    mode = "off" if args.quiet else "bar" if sys.stderr.isatty() and not args.progress else "lines"
    progress = Progress(mode, count_articles(args.paths, settings.extensions) if mode != "off" else None,
                        verb="stored")
    try:
        with Store(_db(args)) as store:
            attach_alerts(store, [TerminalSink(sys.stderr)])
            summary = scale.ingest(args, store, settings, progress)
    finally:
        progress.close(summary=False)
    print(f"marsad: {summary.line()}", file=sys.stderr)
    for name, reason in summary.failed[:20]:
        print(f"marsad:   failed {name}: {reason}", file=sys.stderr)
    return 0 if summary.stored or summary.duplicates or not summary.read else 1


def _near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise ConfigError(f"--near takes LAT,LON,KM, not {value!r}") from None
    return lat, lon, km


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"type": args.type, "actor": args.actor, "place": args.place, "near": _near(args.near),
            "date_from": args.date_from, "date_to": args.date_to, "source_kind": args.source_kind,
            "min_sources": args.min_sources}


def _read_command(args: argparse.Namespace, reader: Any, conn: Any) -> int:
    from marsad.store import changes, graph_at, graph_json
    from marsad.store.render import render

    cmd = args.command
    if cmd == "actors":
        data: Any = reader.find_actors(args.name, limit=args.limit)
    elif cmd == "profile":
        data = reader.profile(args.actor)
    elif cmd == "events":
        data = reader.events(**_filters(args), limit=args.limit)
    elif cmd == "claims":
        data = reader.claims(speaker=args.speaker, about=args.about, source_kind=args.source_kind,
                             anonymous_only=args.anonymous_only, limit=args.limit)
    elif cmd == "show":
        data = reader.show(args.kind, args.id)
    elif cmd == "changes":
        data = changes(reader, args.actor, args.date_from, args.date_to)
    elif cmd == "graph":
        return _graph(args, reader, graph_at, graph_json)
    elif cmd == "correct":
        return _correct(args, conn)
    else:
        return _export(args, reader)
    if getattr(args, "json", False):
        _print(data)
    else:
        print(render(cmd, data))
    return 0


def _graph(args: argparse.Namespace, reader: Any, graph_at: Any, graph_json: Any) -> int:
    from marsad.export import graph as graph_export
    from marsad.store.render import render

    if args.format in ("graphml", "gexf"):
        write = graph_export.write_graphml if args.format == "graphml" else graph_export.write_gexf
        if args.out:
            with open(args.out, "wb") as fh:
                n = write(reader, fh, at=args.at)
            print(f"marsad: {n} relations written to {args.out}", file=sys.stderr)
        else:
            write(reader, sys.stdout.buffer, at=args.at)
        return 0
    data = graph_json(graph_at(reader, args.at))
    text = json.dumps(data, ensure_ascii=False, indent=1) if args.format == "json" else render("graph", data)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def _correct(args: argparse.Namespace, conn: Any) -> int:
    from marsad.store import add_correction

    payload: dict[str, Any] = {}
    for item in args.set:
        if "=" not in item:
            raise StoreError(f"--set takes FIELD=VALUE, not {item!r}")
        name, value = item.split("=", 1)
        payload[name.strip()] = value.strip()
    if args.action == "merge":
        if not args.into:
            raise StoreError("merge needs --into ACTOR")
        payload["into"] = args.into
    correction = add_correction(conn, args.target, args.id, args.action, payload=payload or None,
                                author=args.author, note=args.note)
    conn.commit()
    print(f"marsad: correction {correction} recorded ({args.action} {args.target} {args.id})", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, reader: Any) -> int:
    from marsad.export import EXPORTS

    write, binary, _suffix = EXPORTS[args.format]
    filters = {**_filters(args)} if args.format not in ("graphml", "gexf", "jsonl") else {}
    if args.format in ("graphml", "gexf"):
        filters = {"at": args.at}
    if args.format == "jsonl":
        filters = {"date_from": args.date_from, "date_to": args.date_to}
    if args.out:
        with open(args.out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            n = write(reader, fh, **filters)
        print(f"marsad: {n} items written to {args.out}", file=sys.stderr)
    else:
        write(reader, sys.stdout.buffer if binary else sys.stdout, **filters)
    return 0
