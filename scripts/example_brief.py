"""The README's example brief: the invented articles of tests/watch/stories.py ingested into a fresh
store, the brief on «قوات حفتر» written, and a screenshot of its top taken with headless Chromium.

Usage: python scripts/example_brief.py [OUT_DIR]   (default: docs/; writes brief-example.png there,
and brief-example.html / .pdf in a temporary folder printed at the end)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "watch"))

from marsad.store import Store  # noqa: E402
from marsad.watch.brief import write_brief  # noqa: E402
from marsad.watch.brief.pdf import find_browser  # noqa: E402
from stories import ANONYMOUS, DEFECTION, MEETING, PORT_TAKEN  # noqa: E402
from watchserver import page  # noqa: E402


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    tmp = Path(tempfile.mkdtemp(prefix="marsad-brief-"))
    outlets = ("صحيفة الوسط", "وكالة الأنباء", "صحيفة الوسط", "بوابة الأخبار")
    for i, (_, title, published, body) in enumerate((PORT_TAKEN, DEFECTION, MEETING, ANONYMOUS)):
        (tmp / f"{i}.html").write_text(page(title, body, published=published, site_name=outlets[i]), encoding="utf-8")
    with Store(tmp / "example.db") as store:
        store.ingest([tmp])
        html, pdf = write_brief(store, actor="قوات حفتر", date_from="2017-03-05", date_to="2017-04-30",
                                out=tmp / "brief-example")
    browser = find_browser()
    if browser is None:
        sys.exit("no headless Chromium for the screenshot (apt-get install chromium)")
    shot = out_dir / "brief-example.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={tmp / 'profile'}", "--window-size=1000,1500", f"--screenshot={shot}",
                    html.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"{shot}\n{html}\n{pdf}")


if __name__ == "__main__":
    main()
