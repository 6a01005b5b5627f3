"""seotool: audit a clinic website for medical accuracy, readability, links, local and on-page SEO."""

__version__ = "0.1.0"
USER_AGENT = f"seotool/{__version__} (+https://github.com/seotool/seotool)"
