"""The reading blueprint."""

from flask import Blueprint

bp = Blueprint("reading", __name__)
