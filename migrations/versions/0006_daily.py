"""daily cards (issue 20 item 1)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

daily_cards holds a signed-in user's card of the day (오늘의 카드): one row per user and
day in Seoul (unique, so two devices drawing at once get one card), and the short note a
job writes for it, in the job columns a reading has. A new table: no existing row changes.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
# As in 0002: MySQL/MariaDB keep fractions of a second only when asked.
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade():
    op.create_table('daily_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('card', sa.Integer(), nullable=False),
    sa.Column('reversed', sa.Boolean(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('partial_text', sa.Text(), nullable=True),
    sa.Column('interpreter', sa.String(length=16), nullable=True),
    sa.Column('model', sa.String(length=64), nullable=True),
    sa.Column('error_kind', sa.String(length=32), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('lease_until', TIMESTAMP, nullable=True),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.Column('started_at', TIMESTAMP, nullable=True),
    sa.Column('finished_at', TIMESTAMP, nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_daily_cards_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_daily_cards')),
    sa.UniqueConstraint('user_id', 'day', name=op.f('uq_daily_cards_user_id')),
    **MYSQL_TABLE,
    )


def downgrade():
    op.drop_table('daily_cards')
