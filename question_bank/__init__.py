"""The question bank: interview loops and questions as validated, immutable data."""
