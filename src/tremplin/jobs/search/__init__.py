"""Search of job and training offers, on the index machinery of :mod:`tremplin.core.search`.

- :mod:`.documents`: what an offer and a training look like in the index;
- :mod:`.params`: the search parameters (from a form, the API or a saved search);
- :mod:`.engine`: the search itself (words, filters, place and radius, sorts, facets, the
  employer diversity rule) and the suggestions when nothing matches.
"""
