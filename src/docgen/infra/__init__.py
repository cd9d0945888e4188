"""Infrastructure shared by the renderers: the disk cache."""
