"""HTML to PDF with Debian's headless Chromium (it shapes Arabic and lays out right to left correctly)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from marsad.errors import MarsadError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """The headless browser to print with: $MARSAD_CHROMIUM, else the first found on the PATH."""
    chosen = os.environ.get("MARSAD_CHROMIUM")
    if chosen:
        return chosen if shutil.which(chosen) else None
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def html_to_pdf(html_path: Path, pdf_path: Path, *, timeout: float = 180.0) -> Path:
    """Print an HTML file to PDF; MarsadError saying what to install when no browser is found."""
    browser = find_browser()
    if browser is None:
        raise MarsadError("no headless Chromium to print the PDF with (apt-get install chromium), "
                          "or write the HTML only with --no-pdf")
    with tempfile.TemporaryDirectory(prefix="marsad-chromium-") as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-extensions", "--no-pdf-header-footer", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path.resolve()}", html_path.resolve().as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise MarsadError(f"{pdf_path}: the browser did not finish printing in {timeout:g} s") from None
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        detail = (done.stderr or "").strip().splitlines()[-1:] or ["no output"]
        raise MarsadError(f"{pdf_path}: the browser could not print the PDF ({detail[0][:200]})")
    return pdf_path
