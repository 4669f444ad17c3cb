"""The guide blueprint."""

from flask import Blueprint

bp = Blueprint("guide", __name__)
