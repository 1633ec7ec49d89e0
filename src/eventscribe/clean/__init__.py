"""clean: page furniture removed, publication date found in the text when metadata lacks it."""
from .boilerplate import remove_boilerplate
from .language import english_share, is_english
from .published import TEXT_DATE_BASIS, find_published

__all__ = ["remove_boilerplate", "find_published", "TEXT_DATE_BASIS", "english_share", "is_english"]
