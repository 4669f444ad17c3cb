"""The journal: notes and moods on saved readings, what my cards keep saying, and export."""
