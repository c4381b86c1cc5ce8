"""careerbot: a bilingual career advisor for people becoming machine-learning engineers."""

__version__ = "0.1.0"
