"""The cable reader: cable pages (text and HTML), raw telegrams and the CSV dump of the release."""
