"""One module per ``marsad`` command; each is a thin click wrapper over library functions."""
