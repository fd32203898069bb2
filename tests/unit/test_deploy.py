"""deploy/: the units name commands, options and settings that exist; nginx
accepts the site; systemd-analyze accepts the units where it is installed."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
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


def nginx_test(
    nginx: str, site: str, directory: Path
) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` of the site inside a minimal main configuration in ``directory``."""
    (directory / "steerlog.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {directory}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (directory / "nginx.conf").write_text(
        f"pid {directory}/nginx.pid;\nerror_log {directory}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; {temp}\n"
        f"include {directory}/steerlog.conf; }}\n"
    )
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
    nginx, openssl = require("nginx"), require("openssl")
    subprocess.run(
        [
            openssl,
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
            f"{tmp_path}/privkey.pem",
            "-out",
            f"{tmp_path}/fullchain.pem",
        ],
        check=True,
        capture_output=True,
    )
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
