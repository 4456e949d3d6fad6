"""Values as printed in a 绩效目标表 and what they mean: amounts (:mod:`.numbers`), indicator targets
(:mod:`.targets`), units (:mod:`.units`), dates (:mod:`.dates`), and the patterns every reader, extractor step and
rule shares (:mod:`.patterns`).

May import: ``errors``, ``messages``, ``runtime``, ``model``, ``outputs``.
"""
