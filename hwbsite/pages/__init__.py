"""Page builders: models in, page Markdown out, no I/O."""
