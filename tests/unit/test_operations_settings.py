"""The operator's settings: refused when malformed, with the variable named."""

from __future__ import annotations

import pytest

from service.settings import Settings
from service.settings.reading import SettingsError

PRIMARY = "postgresql://steerlog@db1/steerlog?schema=steerlog"
REPLICA = "postgresql://reader@db2/steerlog?schema=steerlog"


def test_defaults_check_readiness_and_log_at_info() -> None:
    operations = Settings.from_env({}).operations
    assert (operations.ready_max_lag, operations.ready_heartbeat_seconds) == (1000, 180)
    assert operations.log_level == "INFO" and operations.read_database() is None


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"STEERLOG_METRICS_BIND": "9101"}, "STEERLOG_METRICS_BIND"),
        ({"STEERLOG_METRICS_BIND": "127.0.0.1:99999"}, "STEERLOG_METRICS_BIND"),
        ({"STEERLOG_LOG_LEVEL": "loud"}, "STEERLOG_LOG_LEVEL"),
        ({"STEERLOG_READY_MAX_LAG": "-1"}, "STEERLOG_READY_MAX_LAG"),
        ({"STEERLOG_READY_HEARTBEAT_SECONDS": "soon"}, "STEERLOG_READY_HEARTBEAT"),
        ({"STEERLOG_READ_DATABASE_URL": REPLICA}, "STEERLOG_READ_DATABASE_URL"),
        (
            {
                "STEERLOG_DATABASE_URL": PRIMARY,
                "STEERLOG_READ_DATABASE_URL": "sqlite:///r",
            },
            "STEERLOG_READ_DATABASE_URL",
        ),
        (
            {
                "STEERLOG_DATABASE_URL": PRIMARY,
                "STEERLOG_READ_DATABASE_URL": REPLICA,
                "STEERLOG_ALL_IN_ONE": "1",
            },
            "STEERLOG_READ_DATABASE_URL",
        ),
    ],
)
def test_a_malformed_operator_setting_is_refused_by_name(
    env: dict[str, str], named: str
) -> None:
    with pytest.raises(SettingsError, match=named):
        Settings.from_env(env)


def test_a_replica_of_a_postgresql_primary_is_read_from() -> None:
    settings = Settings.from_env(
        {"STEERLOG_DATABASE_URL": PRIMARY, "STEERLOG_READ_DATABASE_URL": REPLICA}
    )
    replica = settings.operations.read_database()
    assert replica is not None and (replica.host, replica.user) == ("db2", "reader")


def test_the_metrics_address_is_host_and_port() -> None:
    settings = Settings.from_env({"STEERLOG_METRICS_BIND": "[::1]:9102"})
    assert settings.operations.metrics_address() == ("::1", 9102)
