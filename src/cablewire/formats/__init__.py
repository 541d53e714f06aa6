"""Document formats: cables (page text, page HTML, raw telegram, CSV dump) and news."""
