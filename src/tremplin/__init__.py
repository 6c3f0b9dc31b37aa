"""Tremplin: the digital springboard a French public body installs for its territory."""
