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

from marsad.lazy import lazy_exports

__all__ = ["JsonlSink", "RoundSummary", "Rule", "Source", "TerminalSink", "Watcher", "WebhookSink", "add_rule",
           "add_source", "attach_alerts", "evaluate", "list_alerts", "list_rules", "list_sources", "remove_rule",
           "remove_source"]

__getattr__ = lazy_exports(__name__, {
    "attach_alerts": "marsad.watch.alerts",
    "evaluate": "marsad.watch.alerts",
    "list_alerts": "marsad.watch.alerts",
    "Rule": "marsad.watch.rules",
    "add_rule": "marsad.watch.rules",
    "list_rules": "marsad.watch.rules",
    "remove_rule": "marsad.watch.rules",
    "RoundSummary": "marsad.watch.runner",
    "Watcher": "marsad.watch.runner",
    "JsonlSink": "marsad.watch.sinks",
    "TerminalSink": "marsad.watch.sinks",
    "WebhookSink": "marsad.watch.sinks",
    "Source": "marsad.watch.sources",
    "add_source": "marsad.watch.sources",
    "list_sources": "marsad.watch.sources",
    "remove_source": "marsad.watch.sources",
})
