"""users and readings

Revision ID: 0001
Revises:
Create Date: 2026-11-26

"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Korean text and emoji need 4-byte UTF-8 on MySQL/MariaDB; other databases ignore these.
MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def upgrade():
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('provider_user_id', sa.String(length=191), nullable=False),
    sa.Column('nickname', sa.String(length=40), nullable=False),
    sa.Column('avatar_url', sa.String(length=500), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('provider', 'provider_user_id', name=op.f('uq_users_provider')),
    **MYSQL_TABLE,
    )
    op.create_table('readings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=16), nullable=False),
    sa.Column('concern', sa.Text(), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('spread', sa.String(length=32), nullable=False),
    sa.Column('cards', sa.JSON(), nullable=False),
    sa.Column('request_key', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=True),
    sa.Column('partial_text', sa.Text(), nullable=True),
    sa.Column('interpreter', sa.String(length=16), nullable=True),
    sa.Column('model', sa.String(length=64), nullable=True),
    sa.Column('error_kind', sa.String(length=32), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('lease_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('saved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_readings_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_readings')),
    sa.UniqueConstraint('public_id', name=op.f('uq_readings_public_id')),
    sa.UniqueConstraint('request_key', name=op.f('uq_readings_request_key')),
    **MYSQL_TABLE,
    )
    with op.batch_alter_table('readings', schema=None) as batch_op:
        batch_op.create_index('ix_readings_saved_created', ['saved_at', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_readings_user_id'), ['user_id'], unique=False)
        batch_op.create_index('ix_readings_user_saved', ['user_id', 'saved_at'], unique=False)
        batch_op.create_index('ix_readings_user_topic_saved', ['user_id', 'topic', 'saved_at'], unique=False)



def downgrade():
    # Dropping the table drops its indexes; dropping them one by one first fails on
    # MariaDB, which will not drop the index its foreign key uses.
    op.drop_table('readings')
    op.drop_table('users')
