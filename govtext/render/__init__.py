"""Presentation of the outline tree.  Renderers read the model; they never parse."""
