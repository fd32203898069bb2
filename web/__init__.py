"""The HTTP face of steerlog: the Flask app factory, blueprints and schemas."""
