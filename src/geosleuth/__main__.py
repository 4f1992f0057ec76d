"""``python -m geosleuth``."""

from geosleuth.cli import app

app(prog_name="geosleuth")
