"""The processes: command line, composition root, all-in-one threads, backups."""
