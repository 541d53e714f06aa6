"""Text before any format: encodings, mojibake, line joining, casing, language."""
