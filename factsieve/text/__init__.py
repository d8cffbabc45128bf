"""Text: repair and normalise document text (clean), guess its language, split it into sentences (segment)."""
