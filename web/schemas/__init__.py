"""Marshmallow schemas: the API's boundary types, one module per resource."""
