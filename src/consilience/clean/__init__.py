"""Boilerplate and noise removal: ``RawDocument`` -> ``Article`` whose text is final.

Each boilerplate family is one small rule. Line rules (``line_rules``) judge a line alone;
block rules (``block_rules``) judge a line by its neighbours: reference blocks, banners,
section kickers, repeated lines, captions. ``article`` runs the rules to a fixed point, so
cleaning cleaned text removes nothing more. False removals of real content are worse than
missed furniture, so every rule is narrow.

>>> clean_text("Xi visits Hanoi.\\nREAD MORE: Other story").removed
('READ MORE: Other story',)
"""

from __future__ import annotations

from consilience.clean.article import CleanedText, clean_article, clean_text
from consilience.clean.normalise import article_id
from consilience.clean.signs import machine_text_signs

__all__ = ["CleanedText", "article_id", "clean_article", "clean_text", "machine_text_signs"]
