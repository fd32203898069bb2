"""Digests (bản tin đôn đốc): compose, render, send, schedule, catch up."""
