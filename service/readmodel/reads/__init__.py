"""The read model's reads, one family a module, combined once in ``ReadModel``."""
