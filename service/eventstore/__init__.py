"""How events are kept: the base Application, its repository, snapshots."""
