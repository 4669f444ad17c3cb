"""reading share links (issue 22, share)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

reading_shares holds the share links of readings: a random token for the public page
/s/<token>, what the link shows (the concern, the nickname) and whether search engines
may index it. A new table: no existing row changes. Its rows go with their reading
(ON DELETE CASCADE), and so with the account.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade():
    op.create_table('reading_shares',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('reading_id', sa.Integer(), nullable=False),
    sa.Column('show_concern', sa.Boolean(), nullable=False),
    sa.Column('show_nickname', sa.Boolean(), nullable=False),
    sa.Column('indexable', sa.Boolean(), nullable=False),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(['reading_id'], ['readings.id'], name=op.f('fk_reading_shares_reading_id_readings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reading_shares')),
    sa.UniqueConstraint('reading_id', 'show_concern', 'show_nickname', 'indexable', name='uq_reading_shares_choice'),
    sa.UniqueConstraint('token', name=op.f('uq_reading_shares_token')),
    **MYSQL_TABLE,
    )


def downgrade():
    op.drop_table('reading_shares')
