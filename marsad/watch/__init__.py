"""The observatory: follow sources (feeds, sitemaps, pages), alert on changes, write briefs.

    from marsad.store import Store
    from marsad.watch import Watcher, add_source, add_rule, Rule, attach_alerts, list_alerts
    with Store("marsad.db") as store:
        add_source(store, "https://example.org/rss.xml", outlet="example", interval=900)
        add_rule(store, Rule("lna-sides", relations=("DEFECTED_FROM", "LOYAL_TO"), actors=("الجيش الوطني",)))
        listener = attach_alerts(store, [TerminalSink()])
        Watcher(store, origin=listener.set_origin).run_once()
        list_alerts(store)
"""

from marsad.watch.alerts import attach_alerts, evaluate, list_alerts
from marsad.watch.rules import Rule, add_rule, list_rules, remove_rule
from marsad.watch.runner import RoundSummary, Watcher
from marsad.watch.sinks import JsonlSink, TerminalSink, WebhookSink
from marsad.watch.sources import Source, add_source, list_sources, remove_source

__all__ = ["JsonlSink", "RoundSummary", "Rule", "Source", "TerminalSink", "Watcher", "WebhookSink", "add_rule",
           "add_source", "attach_alerts", "evaluate", "list_alerts", "list_rules", "list_sources", "remove_rule",
           "remove_source"]
