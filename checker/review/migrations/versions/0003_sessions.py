"""Review-page sessions kept in the store (signing out and a new password end them there),
and failed sign-ins per name and client address (a back-off, not a lock).

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("token_digest", sa.String(64), primary_key=True),
        sa.Column("editor", sa.String(255), sa.ForeignKey("users.name", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sessions_editor", "sessions", ["editor"])
    op.create_index("ix_sessions_expires", "sessions", ["expires_at"])
    op.create_table(
        "sign_in_failures",
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("address", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_attempt", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sign_in_failures_last", "sign_in_failures", ["last_attempt"])


def downgrade() -> None:
    op.drop_table("sign_in_failures")
    op.drop_table("sessions")
