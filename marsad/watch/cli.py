"""The observatory's commands: `marsad watch add|list|remove|run|rule|alerts` and `marsad brief`."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

COMMANDS = ("watch", "brief")

EXAMPLES = {
    "watch": ("  marsad watch add https://example.org/rss.xml --outlet 'example' --interval 600\n"
              "  marsad watch add sitemap.xml --kind sitemap\n"
              "  marsad watch rule add lna-sides --relation DEFECTED_FROM --relation LOYAL_TO --actor 'الجيش الوطني'\n"
              "  marsad watch rule add ras-lanuf --event TERRITORY_CONTROL --place 'راس لانوف'\n"
              "  marsad watch rule add anon-haftar --anonymous-only --actor حفتر\n"
              "  marsad watch run --once --jsonl alerts.jsonl      # one round, for cron\n"
              "  marsad watch run --webhook http://127.0.0.1:9000/alerts   # until stopped\n"
              "  marsad watch alerts --limit 10\n"),
    "brief": ("  marsad brief --actor 'خليفة حفتر' --from 2016-01-01 --to 2016-12-31 --out haftar-2016\n"
              "  marsad brief --place 'راس لانوف' --out ras-lanuf --no-pdf\n"),
}


def add_commands(sub: Any, common: argparse.ArgumentParser, logopts: argparse.ArgumentParser) -> None:
    """Add `watch` and `brief` to the `marsad` parser."""
    dbopt = argparse.ArgumentParser(add_help=False)
    dbopt.add_argument("--db", metavar="URL", default=None,
                       help="the store: a SQLite file (default ./marsad.db, or $MARSAD_DB) or a postgresql:// URL")
    db = argparse.ArgumentParser(add_help=False, parents=[dbopt, logopts])
    w = sub.add_parser("watch", help="follow feeds, sitemaps and pages; alert rules; alerts",
                       description="Follow sources (RSS/Atom feeds, sitemaps, pages), poll them on schedule, "
                                   "analyse and store each new article, and raise alerts on what the rules ask for.",
                       epilog="examples:\n" + EXAMPLES["watch"], formatter_class=argparse.RawDescriptionHelpFormatter)
    ws = w.add_subparsers(dest="watch_command", metavar="SUBCOMMAND", required=True)

    p = ws.add_parser("add", parents=[db], help="follow a feed, sitemap or page (URL or file)")
    p.add_argument("target", metavar="URL|FILE")
    p.add_argument("--kind", choices=("feed", "sitemap", "page"), help="what it is (default: detected by fetching it)")
    p.add_argument("--outlet", help="the outlet's name (wins over the name the pages give)")
    p.add_argument("--language", default="ar", help="the source's language (default: ar)")
    p.add_argument("--interval", type=int, default=900, help="seconds between polls (default: 900, at least 60)")
    p.add_argument("--credibility", metavar="NOTE", help="the analyst's note on the source (shown with its alerts)")
    _json(p)

    p = ws.add_parser("list", parents=[db], help="the followed sources and their state")
    _json(p)
    p = ws.add_parser("remove", parents=[db], help="stop following a source")
    p.add_argument("source", help="its id or URL")

    p = ws.add_parser("run", parents=[dbopt, common], help="poll the sources on schedule and ingest what is new")
    p.add_argument("--once", action="store_true", help="one round over the sources that are due, then exit (for cron)")
    p.add_argument("--all", action="store_true", help="poll every source now, due or not")
    p.add_argument("--jsonl", metavar="FILE", help="also append alerts to this JSON Lines file")
    p.add_argument("--webhook", metavar="URL", action="append", default=[], help="also POST alerts here; repeatable")
    p.add_argument("--quiet", "-q", action="store_true", help="do not print alerts on the terminal")
    p.add_argument("--workers", type=int, default=4, help="sources polled at the same time (default: 4)")
    p.add_argument("--per-host-delay", type=float, default=1.0, help="seconds between two requests to one host")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a server (default: 20)")

    r = ws.add_parser("rule", help="alert rules: add, list, remove")
    rs = r.add_subparsers(dest="rule_command", metavar="ACTION", required=True)
    p = rs.add_parser("add", parents=[db], help="a new alert rule")
    p.add_argument("name")
    p.add_argument("--relation", action="append", default=[], metavar="TYPE", help="a relation type; repeatable")
    p.add_argument("--event", action="append", default=[], metavar="TYPE", help="an event type; repeatable")
    p.add_argument("--actor", action="append", default=[], metavar="NAME", help="an actor involved; repeatable")
    p.add_argument("--place", action="append", default=[], metavar="NAME", help="a place; repeatable")
    p.add_argument("--anonymous-only", action="store_true", help="claims resting only on anonymous sources")
    p.add_argument("--min-sources", type=int, default=1, help="events reported by at least this many sources")
    p.add_argument("--webhook", metavar="URL", help="also POST this rule's alerts here")
    p = rs.add_parser("list", parents=[db], help="the alert rules")
    _json(p)
    p = rs.add_parser("remove", parents=[db], help="delete a rule and its alerts")
    p.add_argument("rule", help="its name or id")

    p = ws.add_parser("alerts", parents=[db], help="the stored alerts, newest first")
    p.add_argument("--rule", help="only this rule's (name or id)")
    p.add_argument("--since", metavar="DATE", help="raised on or after this UTC date-time")
    p.add_argument("--limit", type=int, default=20)
    _json(p)

    b = sub.add_parser("brief", parents=[dbopt, logopts], help="write an HTML and PDF brief on an actor, place or period",
                       description="A self-contained report (HTML with inline images, and a PDF): summary figures, "
                                   "the allegiance network at the start and end of the window, the timeline, a map of "
                                   "events, the changes with their evidence and the claims by kind of source.",
                       epilog="examples:\n" + EXAMPLES["brief"], formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--actor", help="the actor the brief is about (id, key or any name)")
    b.add_argument("--place", help="the place the brief is about")
    b.add_argument("--from", dest="date_from", metavar="DATE", help="the window's first day (ISO)")
    b.add_argument("--to", dest="date_to", metavar="DATE", help="the window's last day (ISO)")
    b.add_argument("--out", metavar="NAME", default="brief", help="writes NAME.html and NAME.pdf (default: brief)")
    b.add_argument("--no-pdf", action="store_true", help="the HTML only")
    b.add_argument("--title", help="the brief's title (default: made from the subject and window)")


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def run(args: argparse.Namespace) -> int:
    """Run `watch` or `brief`; raises MarsadError for the caller to report."""
    from marsad.store import Store
    from marsad.store.cli import _db

    if args.command == "brief":
        from marsad.watch.brief import write_brief

        with Store(_db(args), create=False) as store:
            paths = write_brief(store, actor=args.actor, place=args.place, date_from=args.date_from,
                                date_to=args.date_to, out=args.out, pdf=not args.no_pdf, title=args.title)
        for path in paths:
            print(f"marsad: wrote {path}", file=sys.stderr)
        return 0
    with Store(_db(args)) as store:
        if args.watch_command == "run":
            return _run(args, store)
        if args.watch_command == "rule":
            return _rule(args, store)
        return _sources(args, store)


def _sources(args: argparse.Namespace, store: Any) -> int:
    from marsad.watch import add_source, list_alerts, list_sources, remove_source
    from marsad.watch.sinks import alert_text

    cmd = args.watch_command
    if cmd == "add":
        source = add_source(store, args.target, kind=args.kind, outlet=args.outlet, language=args.language,
                            interval=args.interval, credibility=args.credibility)
        if args.json:
            _print_json(source.to_dict())
        print(f"marsad: following {source.url} ({source.kind}, every {source.interval} s)", file=sys.stderr)
    elif cmd == "remove":
        source = remove_source(store, args.source)
        print(f"marsad: no longer following {source.url}", file=sys.stderr)
    elif cmd == "list":
        sources = list_sources(store)
        if args.json:
            _print_json([s.to_dict() for s in sources])
        for s in [] if args.json else sources:
            state = f"failing ×{s.failures}: {s.last_error}" if s.failures else "ok"
            print(f"{s.id:>3}  {s.kind:<7} {s.outlet or '-':<20} every {s.interval:>5} s  last {s.last_polled or 'never'}"
                  f"  next {s.next_poll or 'now'}  {state}\n     {s.url}"
                  + (f"\n     note: {s.credibility}" if s.credibility else ""))
        if not sources and not args.json:
            print("marsad: no sources followed (add one with 'marsad watch add URL')", file=sys.stderr)
    else:
        alerts = list_alerts(store, rule=args.rule, since=args.since, limit=args.limit)
        if args.json:
            _print_json(alerts)
        else:
            for alert in alerts:
                print(alert_text(alert) + "\n")
    return 0


def _rule(args: argparse.Namespace, store: Any) -> int:
    from marsad.watch import Rule, add_rule, list_rules, remove_rule

    if args.rule_command == "add":
        rule = add_rule(store, Rule(args.name, relations=tuple(args.relation), events=tuple(args.event),
                                    actors=tuple(args.actor), places=tuple(args.place),
                                    anonymous_only=args.anonymous_only, min_sources=args.min_sources,
                                    webhook=args.webhook))
        print(f"marsad: rule {rule.name!r} added: {rule.describe()}", file=sys.stderr)
    elif args.rule_command == "remove":
        rule = remove_rule(store, args.rule)
        print(f"marsad: rule {rule.name!r} removed", file=sys.stderr)
    else:
        rules = list_rules(store)
        if args.json:
            _print_json([r.to_dict() for r in rules])
        else:
            for rule in rules:
                print(f"{rule.id:>3}  {rule.name}: {rule.describe()}" + (f" → {rule.webhook}" if rule.webhook else ""))
    return 0


def _run(args: argparse.Namespace, store: Any) -> int:
    from marsad.api import build_pipeline
    from marsad.settings import Settings
    from marsad.watch import JsonlSink, TerminalSink, Watcher, WebhookSink, attach_alerts
    from marsad.watch.fetch import FetchSettings

    settings = Settings.load(args.config, kb=tuple(args.kb) or None, disable=tuple(args.disable) or None)
    sinks: list[Any] = [] if args.quiet else [TerminalSink()]
    if args.jsonl:
        sinks.append(JsonlSink(args.jsonl))
    sinks.extend(WebhookSink(url) for url in args.webhook)
    listener = attach_alerts(store, sinks)
    fetch = FetchSettings(timeout=args.timeout, per_host_delay=args.per_host_delay)
    watcher = Watcher(store, pipeline=build_pipeline(settings), settings=settings, fetch=fetch,
                      workers=args.workers, origin=listener.set_origin)
    if args.once:
        summary = watcher.run_once(force=args.all)
        print(f"marsad: {summary.line()}; {listener.count} alert(s)", file=sys.stderr)
        for url, reason in summary.failed_sources:
            print(f"marsad:   source failed {url}: {reason}", file=sys.stderr)
        return 1 if summary.sources and len(summary.failed_sources) == summary.sources else 0
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print("marsad: watching (stop with Ctrl-C or SIGTERM)", file=sys.stderr)
    if args.all:
        watcher.run_once(force=True)
    watcher.run_forever(stop)
    print(f"marsad: stopped; {listener.count} alert(s) raised", file=sys.stderr)
    return 0
