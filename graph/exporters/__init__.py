"""One module per export format; :mod:`graph.export` lists them and writes their files."""
