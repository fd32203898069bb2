"""Accounts' secrets: the secret store, credentials, and sign-in errors."""
