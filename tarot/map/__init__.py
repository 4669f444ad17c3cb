"""The map blueprint."""

from flask import Blueprint

bp = Blueprint("map", __name__)
