"""The system Chromium, driven by Playwright, at a phone's size."""
from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 20_000  # the machine the tests run on may be busy: wait long, never guess


def launch(playwright):
    from playwright.sync_api import expect
    expect.set_options(timeout=TIMEOUT_MS)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def phone(browser, lang="nl-NL"):
    """A fresh phone: its own storage, a touch screen, the phone's size."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale=lang)
    context.set_default_timeout(TIMEOUT_MS)
    return context
