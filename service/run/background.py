"""All-in-one mode: the projector (and the scheduler) in threads of the web process."""

from __future__ import annotations

import atexit
import threading

from service.digests.scheduler import background_scheduler, digest_service
from service.readmodel.base import ReadModel
from service.readmodel.projector import Projector
from service.usecases.steerlog import Steerlog


class Background:
    """Threads that follow the event log while this process serves requests."""

    def __init__(self, app: Steerlog, read_model: ReadModel) -> None:
        self.projector = Projector(app, read_model)
        # All-in-one only: web workers of a deployment never run the scheduler.
        self.scheduler = background_scheduler(digest_service(app, read_model))
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Start following the log; stopped at exit."""
        thread = threading.Thread(
            target=self.projector.run, args=(self._stop,), name="projector", daemon=True
        )
        thread.start()
        self._threads.append(thread)
        self.scheduler.start()
        atexit.register(self.stop)

    def stop(self, timeout: float = 5.0) -> None:
        """Ask every thread to finish its batch, and wait for them."""
        self._stop.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        for thread in self._threads:
            thread.join(timeout)
