"""Text before any format: encodings, mojibake, line joining, casing and acronyms, title words,
language."""
