"""A real browser against a real server: Debian's Chromium and ChromeDriver, driven by
Selenium with the system driver's path (nothing is downloaded).

The server runs in a thread of the test process (werkzeug, threaded) over the demo
data, on SQLite and on PostgreSQL, with the projector following the log beside it.
Without Chromium these tests skip on a laptop and fail under ``CI=true``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from service.readmodel import postgres
from service.readmodel.projector import Projector
from service.readmodel.readside import ReadSide
from service.run.composition import build_application, build_read_side
from service.run.demo import load_demo
from service.settings import Settings
from service.settings.database import Database
from service.usecases.steerlog import Steerlog
from tests.conftest import POSTGRES_URL, require_postgres
from web import create_app

CHROMIUM = os.environ.get("STEERLOG_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("STEERLOG_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")


def require_browser() -> None:
    """Skip without Chromium and its driver; fail under CI=true, where they must be."""
    if os.path.exists(CHROMIUM) and shutil.which(CHROMEDRIVER):
        return
    reason = f"Chromium ({CHROMIUM}) or ChromeDriver ({CHROMEDRIVER}) not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


PASSWORD = "mật-khẩu-trình-duyệt-đủ-dài"
QUANG_NAM = "Quảng Nam"


@dataclass(frozen=True)
class LiveServer:
    """Where the pages are served, the application behind them, and one login
    per role (on the Quảng Nam committee; the officer is its Sở TT&TT's)."""

    url: str
    settings: Settings
    logins: dict[str, str]


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The demo data served over HTTP on a free port, projected as it is written."""
    if request.param == "postgres":
        require_postgres()
        database = Database.from_url(f"{POSTGRES_URL}?schema=pages_{uuid4().hex[:12]}")
    else:
        directory: Path = tmp_path_factory.mktemp("pages")
        database = Database.from_url(f"sqlite:///{directory}/events.sqlite3")
    settings = Settings(database=database)
    application = build_application(settings)
    load_demo(application)
    read_side = build_read_side(settings)
    projector = Projector(application, read_side.read_model)
    projector.catch_up()
    logins = accounts_per_role(application, read_side)
    stop = threading.Event()
    follower = threading.Thread(target=projector.run, args=(stop,), daemon=True)
    follower.start()
    config = {"TESTING": True, "STEERLOG_SECRET_KEY": secrets.token_urlsafe(32)}
    app = create_app(config, application=application, read_side=read_side)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    yield LiveServer(f"http://127.0.0.1:{server.server_port}", settings, logins)
    server.shutdown()
    stop.set()
    follower.join(5)
    read_side.read_model.close()
    application.close()
    if request.param == "postgres":
        postgres.drop_schema(database)


def accounts_per_role(application: Steerlog, read_side: ReadSide) -> dict[str, str]:
    """An account per role: admin; secretary, leader, officer, viewer of Quảng Nam."""
    committee = next(r for r in read_side.committees() if QUANG_NAM in r.name)
    department = next(
        r
        for r in read_side.agency_directory()
        if r.name.startswith("Sở Thông tin và Truyền thông") and QUANG_NAM in r.name
    )
    logins = {}
    for role in ("admin", "secretary", "leader", "agency_officer", "viewer"):
        login = f"browser.{role.replace('_', '.')}"
        written = application.register_account(
            actor="tests",
            login=login,
            display_name=f"Cán bộ {role}",
            email=f"{login}@quangnam.gov.vn",
            password=PASSWORD,
        )
        application.grant_role(
            written.id,
            actor="tests",
            role=role,
            committee_id=None if role == "admin" else UUID(str(committee.id)),
            agency_id=UUID(str(department.id)) if role == "agency_officer" else None,
        )
        logins[role] = login
    return logins


def sign_in(driver: webdriver.Chrome, server: LiveServer, role: str) -> None:
    """Sign in through the form, as the person with ``role``."""
    driver.delete_all_cookies()
    driver.get(f"{server.url}/sign-in")
    driver.find_element(By.NAME, "login").send_keys(server.logins[role])
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form [type=submit]"))


def chrome(width: int = 1280, height: int = 900) -> webdriver.Chrome:
    """Headless Chromium as the workplace runs it: no background networking."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--lang=vi",
    ):
        options.add_argument(flag)
    # An official's browser asks for Vietnamese (headless Chromium ignores --lang).
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """One browser for a module's journeys."""
    require_browser()
    driver = chrome()
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def click_and_wait(driver: webdriver.Chrome, element: WebElement) -> None:
    """Click what loads a new page, and wait until the new page has replaced it.

    The old page is marked on its ``window``; a new document has a fresh one. Asking
    while Chromium swaps documents can fail with a stale or detached node (not
    always as ``StaleElementReferenceException``), so those answers mean "not yet".
    """
    driver.execute_script("window.__steerlogOldPage = true;")
    element.click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return window.__steerlogOldPage === undefined"
            " && document.readyState === 'complete';"
        )
    )
