"""eventsourcing's PostgreSQL persistence, whose reads skip BEGIN and ROLLBACK.

The library runs each read in a transaction of its own: BEGIN, one EXECUTE of a
prepared SELECT (an aggregate's events, its last snapshot, a page of the
notification log, the last notification id), then ROLLBACK. That is three round
trips to the server for one statement, which PostgreSQL already runs atomically
on its own. Here those reads run in autocommit mode: one round trip, the same
rows. Writes are untouched: the library's LOCK TABLE, INSERT and COMMIT, in one
transaction, exactly as before.

Selected with ``PERSISTENCE_MODULE=service.eventstore.pgstore:Factory`` (see
``Settings.eventsourcing_env``); everything else is eventsourcing.postgres.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2
from eventsourcing import postgres
from eventsourcing.persistence import OperationalError
from eventsourcing.utils import Environment
from psycopg2.extensions import TRANSACTION_STATUS_IDLE


class Connection(postgres.PostgresConnection):
    """A library connection whose read-only transactions are one statement each."""

    @contextmanager
    def transaction(self, commit: bool) -> Iterator[postgres.PostgresCursor]:
        """A write (``commit``) as the library does it; a read in autocommit."""
        connection = self._pg_conn
        read = (
            not commit and connection.info.transaction_status == TRANSACTION_STATUS_IDLE
        )
        if read:
            connection.autocommit = True
        try:
            with super().transaction(commit) as cursor:
                yield cursor
        finally:
            if read and not connection.closed:
                connection.autocommit = False


class ConnectionPool(postgres.PostgresConnectionPool):
    """The library's pool, handing out ``Connection``."""

    def _create_connection(self) -> postgres.PostgresConnection:
        # As the library connects (eventsourcing.postgres 9.2.22), with our class.
        try:
            raw = psycopg2.connect(
                dbname=self.dbname,
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password,
                connect_timeout=self.connect_timeout,
            )
        except psycopg2.OperationalError as error:
            raise OperationalError(error) from error
        raw.cursor().execute(
            "SET idle_in_transaction_session_timeout = "
            f"'{self.idle_in_transaction_session_timeout}s'"
        )
        return Connection(raw, max_age=self.max_age)


class Factory(postgres.Factory):
    """eventsourcing.postgres's factory, with the pool of ``Connection``."""

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        library = self.datastore.pool
        self.datastore.pool = ConnectionPool(
            dbname=library.dbname,
            host=library.host,
            port=library.port,
            user=library.user,
            password=library.password,
            connect_timeout=library.connect_timeout,
            idle_in_transaction_session_timeout=(
                library.idle_in_transaction_session_timeout
            ),
            pool_size=library.pool_size,
            max_overflow=library.max_overflow,
            pool_timeout=library.pool_timeout,
            max_age=library.max_age,
            pre_ping=library.pre_ping,
        )
        library.close()
