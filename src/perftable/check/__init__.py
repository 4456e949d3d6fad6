"""Checking: the rules run over tables, with what a run needs around them.

The engine (:mod:`.engine`) runs the selected rules over each table of a file; :mod:`.config` reads
``[tool.perftable]``; :mod:`.suppress` and :mod:`.baseline` silence findings a user has accepted; :mod:`.grades`
grades a table 优/良/中/差 from its findings; :mod:`.batch` and :mod:`.parallel` run many files (a file's part of a
streamed report is written by a function the report layer gives, so nothing here imports a format).

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``.
"""
