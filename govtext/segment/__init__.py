"""Chinese word segmentation: jieba's results without jieba's start-up cost.

- :mod:`govtext.segment.dictionary` compiles jieba's dictionary once into a
  marisa trie kept in the per-user cache and memory-mapped afterwards;
- :mod:`govtext.segment.cut` is a port of jieba's ``cut(..., HMM=False)`` over
  that trie, with extra words (protected 提法, ``--userdict``) as an overlay;
- :mod:`govtext.segment.reference` is jieba itself, the reference the port is
  tested against (the one place jieba is imported).
"""
