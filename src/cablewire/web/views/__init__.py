"""Request handlers, one module per page: each gives the HTML page and its JSON."""
