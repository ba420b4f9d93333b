"""A say before the decision: public comment windows on draft recommendations (ADR 0036)."""
