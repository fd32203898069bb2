"""Read models: one interface, one implementation per database; all SQL lives here."""
