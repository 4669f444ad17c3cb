"""follow-up questions (issue 22 item 1)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

followups holds the questions an owner asks about a finished reading's cards, with the
job columns (models.JobColumns) their answers stream into. A new table: no existing row
changes; deleting a reading deletes its follow-ups.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
# As in 0002: MySQL/MariaDB keep fractions of a second only when asked.
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade():
    op.create_table('followups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reading_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('partial_text', sa.Text(), nullable=True),
    sa.Column('interpreter', sa.String(length=16), nullable=True),
    sa.Column('model', sa.String(length=64), nullable=True),
    sa.Column('error_kind', sa.String(length=32), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('lease_until', TIMESTAMP, nullable=True),
    sa.Column('started_at', TIMESTAMP, nullable=True),
    sa.Column('finished_at', TIMESTAMP, nullable=True),
    sa.ForeignKeyConstraint(['reading_id'], ['readings.id'], name=op.f('fk_followups_reading_id_readings'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups')),
    # Also the index the foreign key uses on MariaDB.
    sa.UniqueConstraint('reading_id', 'number', name=op.f('uq_followups_reading_id')),
    **MYSQL_TABLE,
    )


def downgrade():
    op.drop_table('followups')
