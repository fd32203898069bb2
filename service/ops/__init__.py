"""Running steerlog for a province: heartbeats, readiness, metrics, logs."""
