"""Tables as datasets: rows (one per indicator, budget line or task), their binary formats, and the streaming export.

:mod:`.rows` makes the rows and the text formats (CSV, JSON lines); :mod:`.frames` the binary ones (XLSX, pandas,
Parquet); :mod:`.stream` writes a whole batch as it is read.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``.
"""
