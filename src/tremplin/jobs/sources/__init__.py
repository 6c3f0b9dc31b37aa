"""Readers of the formats job and training offers come in: one module per format.

Each reader turns a byte stream into normalised records (:mod:`.base`) and reports every
refused row or field with its position; the import service (:mod:`tremplin.jobs.importing`)
writes them. No reader touches the database or the network.
"""
