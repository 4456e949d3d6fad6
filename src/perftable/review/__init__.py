"""The reviewer's desk: a batch reviewed table by table (:mod:`.collect`), graded 优/良/中/差 (:mod:`.scoring`),
with a draft 审核意见 per table (:mod:`.draft`) along the review criteria and coded opinions the rules declare
(:mod:`.criteria`), written as an HTML page, a workbook, a Word document, markdown or JSON."""
