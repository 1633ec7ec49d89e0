"""Languages: one folder each, holding that language's vocabulary as data files."""
