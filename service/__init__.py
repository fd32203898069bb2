"""The application service: use cases, persistence, read models, jobs and the CLI."""
