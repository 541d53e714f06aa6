"""The news reader: articles as copied text, text with a title line, or saved HTML."""
