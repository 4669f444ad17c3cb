"""timestamps keep microseconds on MySQL/MariaDB

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

MySQL and MariaDB store DATETIME in whole seconds unless told otherwise, which cut a
reading's lease of a few seconds short and let a healthy job be taken over. SQLite keeps
the fractions already, so this migration only touches MySQL/MariaDB.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = {
    "users": [("created_at", False), ("last_login_at", False)],
    "readings": [
        ("lease_until", True), ("created_at", False), ("started_at", True),
        ("finished_at", True), ("saved_at", True),
    ],
}


def _alter(new_type, old_type):
    if op.get_bind().dialect.name not in ("mysql", "mariadb"):
        return
    for table, columns in COLUMNS.items():
        for name, nullable in columns:
            op.alter_column(table, name, type_=new_type, existing_type=old_type,
                            existing_nullable=nullable)


def upgrade():
    _alter(mysql.DATETIME(fsp=6), sa.DateTime())


def downgrade():
    _alter(sa.DateTime(), mysql.DATETIME(fsp=6))
