"""The archive blueprint."""

from flask import Blueprint

bp = Blueprint("archive", __name__)
