"""model calls and used deals (issue 18)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06

model_calls counts what the daily allowance counts: one row per call to the AI model
(a reading started, a retry), kept when the reading is deleted. used_deals remembers
deals that have made their reading, so an old session cookie cannot make another.
Both are new tables: no existing row changes.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
# As in 0002: MySQL/MariaDB keep fractions of a second only when asked.
TIMESTAMP = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade():
    op.create_table('model_calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reading_id', sa.Integer(), nullable=True),
    sa.Column('created_at', TIMESTAMP, nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_model_calls_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_model_calls')),
    **MYSQL_TABLE,
    )
    with op.batch_alter_table('model_calls', schema=None) as batch_op:
        batch_op.create_index('ix_model_calls_reading', ['reading_id'], unique=False)
        batch_op.create_index('ix_model_calls_user_created', ['user_id', 'created_at'], unique=False)

    op.create_table('used_deals',
    sa.Column('deal_id', sa.String(length=32), nullable=False),
    sa.Column('used_at', TIMESTAMP, nullable=False),
    sa.PrimaryKeyConstraint('deal_id', name=op.f('pk_used_deals')),
    **MYSQL_TABLE,
    )
    with op.batch_alter_table('used_deals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_deals_used_at'), ['used_at'], unique=False)


def downgrade():
    # Dropping a table drops its indexes (MariaDB will not drop the one a foreign key uses).
    op.drop_table('used_deals')
    op.drop_table('model_calls')
