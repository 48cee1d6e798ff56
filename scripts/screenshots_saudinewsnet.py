"""Dashboard screenshots over a store holding all of SaudiNewsNet, for docs/screenshots/ (headless Chromium).

    .venv/bin/python scripts/screenshots_saudinewsnet.py --db /tmp/snn.db [--out docs/screenshots]

Starts ``rasd serve`` on the store, opens the events page (default filters: one record per event), the
events page filtered (asserted attacks in 2015 involving Yemen), an actor page and a search, waits for
the charts, and saves full-page PNGs named ``*-saudinewsnet.png``. Prints the totals each page shows.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "events-saudinewsnet.png": "/events?lang=en",
    "events-filtered-saudinewsnet.png": "/events?lang=en&type=ASSAULT&status=asserted&actor=YEM&since=2015-01-01&until=2015-12-31",
    "actor-saudinewsnet.png": "/actor/SAUGOV?lang=en",
    "search-saudinewsnet.png": "/?q=%D8%A7%D9%84%D8%AD%D9%88%D8%AB%D9%8A%D9%8A%D9%86&lang=ar",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "rasd.cli", "serve", "--db", args.db, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        import httpx

        for _ in range(300):
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        with sync_playwright() as p:
            chromium = shutil.which("chromium") or shutil.which("chromium-browser")  # Debian's, as the tests use
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name, url in PAGES.items():
                page.goto(f"http://127.0.0.1:{port}{url}")
                page.wait_for_load_state("networkidle")
                time.sleep(1.0)  # chart animations
                page.screenshot(path=str(Path(args.out) / name), full_page=True)
                count = page.locator("#event-count").first.text_content() if page.locator("#event-count").count() else ""
                print(f"{name}: {url} {count.strip() if count else ''}")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
