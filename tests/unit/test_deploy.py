"""deploy/: the units name commands, options and settings that exist; nginx
accepts the site and, running it, compresses what it should; systemd-analyze
accepts the units where it is installed."""

from __future__ import annotations

import gzip
import http.client
import http.server
import json
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from configparser import ConfigParser
from pathlib import Path

import pytest

from service.readmodel.projections import PROJECTIONS
from service.run.cli import build_parser
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
# Variables read by something other than steerlog's settings.
OTHERS = {"PROMETHEUS_MULTIPROC_DIR"}


def known_settings() -> set[str]:
    """Every STEERLOG_* variable the settings (and the CLI) read."""
    sources = [
        *(ROOT / "service" / "settings").glob("*.py"),
        ROOT / "service" / "run" / "cli.py",
    ]
    return {
        name
        for source in sources
        for name in re.findall(r'"(STEERLOG_[A-Z0-9_]+)"', source.read_text())
    }


def unit(path: Path) -> ConfigParser:
    """A unit file as sections of options (repeated options: the last)."""
    parser = ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path)
    return parser


def env_file() -> dict[str, str]:
    """The variables the example environment file sets."""
    lines = (DEPLOY / "steerlog.env.example").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def require(tool: str) -> str:
    """The tool's path; skip without it on a laptop, fail under CI=true."""
    path = shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")
    if path is not None:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is not installed (.ci/run installs it)")
    pytest.skip(f"{tool} is not installed")


def test_there_is_a_unit_for_each_process_and_the_nightly_backup() -> None:
    commands = {shlex.split(unit(p)["Service"]["ExecStart"])[1] for p in UNITS}
    assert commands == {"serve", "project", "scheduler", "backup"}
    timer = unit(DEPLOY / "systemd" / "steerlog-backup.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_each_unit_runs_a_real_steerlog_command_with_real_options(path: Path) -> None:
    service = unit(path)["Service"]
    argv = shlex.split(service["ExecStart"])
    assert Path(argv[0]).name == "steerlog"
    instances = list(PROJECTIONS) if "%i" in service["ExecStart"] else ["-"]
    for instance in instances:  # a template: every projection is an instance
        args = build_parser().parse_args([a.replace("%i", instance) for a in argv[1:]])
        assert callable(args.run)
    if service.get("Type") != "oneshot":  # a backup runs once, when its timer fires
        assert service["Restart"] in ("on-failure", "always")
    assert service["EnvironmentFile"] == "/etc/steerlog/steerlog.env"


@pytest.mark.parametrize("path", UNITS, ids=lambda p: p.name)
def test_each_unit_sets_only_variables_that_exist(path: Path) -> None:
    text = path.read_text()
    names = set(re.findall(r"^Environment=([A-Z0-9_]+)=", text, re.MULTILINE))
    assert names <= known_settings() | OTHERS


def test_the_environment_file_sets_settings_that_exist_and_parse() -> None:
    variables = env_file()
    commented = set(
        re.findall(
            r"^#(STEERLOG_[A-Z0-9_]+)=",
            (DEPLOY / "steerlog.env.example").read_text(),
            re.MULTILINE,
        )
    )
    assert set(variables) | commented <= known_settings()
    assert {"STEERLOG_DATABASE_URL", "STEERLOG_SMTP_HOST"} <= set(variables)
    settings = Settings.from_env(variables)
    assert settings.database.backend == "postgres"
    assert settings.smtp.starttls and settings.database.schema == "steerlog"


def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed; the units are parsed above")
    steerlog = Path(
        shutil.which("steerlog") or Path(sys.executable).with_name("steerlog")
    )
    copies = []
    for path in [*UNITS, DEPLOY / "systemd" / "steerlog-backup.timer"]:
        name = path.name.replace("@.", "@tracker.")
        text = path.read_text().replace(
            "/opt/steerlog/venv/bin/steerlog", str(steerlog)
        )
        (tmp_path / name).write_text(text)
        copies.append(str(tmp_path / name))
    verified = subprocess.run(
        [analyze, "verify", "--man=no", *copies], capture_output=True, text=True
    )
    assert verified.returncode == 0, verified.stderr


def nginx_conf(directory: Path, site: str, main: str = "", http: str = "") -> None:
    """The site inside a minimal main configuration, both written to ``directory``
    (``main`` and ``http``: directives added to the main and http contexts)."""
    (directory / "steerlog.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {directory}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (directory / "nginx.conf").write_text(
        f"{main}pid {directory}/nginx.pid;\nerror_log {directory}/error.log;\n"
        f"events {{}}\nhttp {{ {http}access_log off; {temp}\n"
        f"include {directory}/steerlog.conf; }}\n"
    )


def nginx_test(
    nginx: str, site: str, directory: Path
) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` of the site inside a minimal main configuration in ``directory``."""
    nginx_conf(directory, site)
    return subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(directory),
            "-c",
            f"{directory}/nginx.conf",
            "-e",
            f"{directory}/error.log",
        ],
        capture_output=True,
        text=True,
    )


def test_nginx_accepts_the_site(tmp_path: Path) -> None:
    nginx = require("nginx")
    self_signed(tmp_path)
    site = (DEPLOY / "nginx" / "steerlog.conf").read_text()
    site = site.replace("/etc/ssl/steerlog", str(tmp_path))
    checked = nginx_test(nginx, site, tmp_path)
    assert checked.returncode == 0, checked.stderr
    # The check is not vacuous: a site without its key is refused.
    broken = re.sub(r"ssl_certificate_key .*;", "", site)
    refused = nginx_test(nginx, broken, tmp_path)
    assert refused.returncode != 0 and "ssl_certificate_key" in refused.stderr


def test_an_installed_copy_carries_every_module() -> None:
    """pip install (not editable) ships only packages setuptools finds: every
    folder of code must be one, or `steerlog` fails on a server."""
    from setuptools import find_packages

    found = set(find_packages(str(ROOT), include=["domain*", "service*", "web*"]))
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("domain", "service", "web")
        for path in (ROOT / top).rglob("*.py")
    }
    assert folders <= found


def self_signed(directory: Path) -> None:
    """A throwaway certificate and key where the site expects its own."""
    subprocess.run(
        [
            require("openssl"),
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=steerlog.example.gov.vn",
            "-keyout",
            f"{directory}/privkey.pem",
            "-out",
            f"{directory}/fullchain.pem",
        ],
        check=True,
        capture_output=True,
    )


class _Upstream(http.server.BaseHTTPRequestHandler):
    """gunicorn's stand-in: a meeting page's worth of HTML, and under /api/ a
    resource's JSON with its version as ETag."""

    page = b"".join(
        f'<li class="speech" id="s-{number}"><p>Ý kiến số {number}</p></li>\n'.encode()
        for number in range(4000)
    )
    resource = json.dumps({"points": [{"name": f"xã {n}"} for n in range(200)]})

    def do_GET(self) -> None:
        api = self.path.startswith("/api/")
        body = self.resource.encode() if api else self.page
        self.send_response(200)
        self.send_header("Content-Type", "application/json" if api else "text/html")
        if api:
            self.send_header("ETag", '"7"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetched(port: int, path: str) -> tuple[http.client.HTTPMessage, bytes]:
    """GET through nginx over TLS, accepting compression as a browser does:
    the answer's headers and its body as it came."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
    response = connection.getresponse()
    assert response.status == 200, (path, response.status)
    body = response.read()
    connection.close()
    return response.headers, body


# The types the test serves, as Debian's /etc/nginx/mime.types names them.
TYPES = "types { text/html html; text/css css; application/javascript js; } "


def test_nginx_sends_pages_and_assets_compressed_and_json_as_it_is(
    tmp_path: Path,
) -> None:
    nginx = require("nginx")
    self_signed(tmp_path)
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port, plain = free_port(), free_port()
    site = (DEPLOY / "nginx" / "steerlog.conf").read_text()
    for before, after in [
        ("/etc/ssl/steerlog", str(tmp_path)),
        ("/opt/steerlog/src/web/static/", f"{ROOT}/web/static/"),
        ("127.0.0.1:8000", f"127.0.0.1:{upstream.server_address[1]}"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl;"),
        ("listen 80;", f"listen 127.0.0.1:{plain};"),
    ]:
        assert before in site, before
        site = site.replace(before, after)
    site = re.sub(r"listen \[::\].*;", "", site)
    nginx_conf(tmp_path, site, main="daemon off; master_process off;\n", http=TYPES)
    server = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", f"{tmp_path}/nginx.conf"],
        stderr=subprocess.PIPE,
    )
    static = ROOT / "web" / "static"
    try:
        wait_for_port(port, server)
        for path, original in [
            ("/meetings/1", _Upstream.page),
            ("/static/vendor/htmx-2.0.11.min.js", static / "vendor/htmx-2.0.11.min.js"),
            ("/static/css/steerlog.css", static / "css/steerlog.css"),
        ]:
            expected = (
                original if isinstance(original, bytes) else original.read_bytes()
            )
            headers, body = fetched(port, path)
            assert headers["Content-Encoding"] == "gzip", path
            assert gzip.decompress(body) == expected
            assert len(body) < len(expected) / 2, (path, len(body), len(expected))
        # JSON as it is: compressed, its ETag would reach the client weakened
        # (W/"7"), and a write's If-Match must send back the strong one.
        headers, body = fetched(port, "/api/v1/meetings/1")
        assert headers["Content-Encoding"] is None
        assert headers["ETag"] == '"7"'
        assert body == _Upstream.resource.encode()
    finally:
        server.terminate()
        server.communicate(timeout=10)
        upstream.shutdown()
        upstream.server_close()


def wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    """Until nginx listens (or fails: its message is the test's)."""
    for _ in range(100):
        if server.poll() is not None:
            assert server.stderr is not None
            pytest.fail(server.stderr.read().decode())
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail("nginx did not listen")
