"""The reviewer's desk: a batch reviewed table by table (:mod:`.collect`), graded 优/良/中/差 (:mod:`perftable.check.grades`),
with a draft 审核意见 per table (:mod:`.draft`) along the review criteria and coded opinions the rules declare
(:mod:`perftable.rules.criteria`), written as an HTML page, a workbook, a Word document, markdown or JSON.

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``, ``values``, ``vocab``, ``grid``,
``findings``, ``spans``, ``readers``, ``extract``, ``loader``, ``rules``, ``check``, ``export``, ``report``,
``render``.
"""
