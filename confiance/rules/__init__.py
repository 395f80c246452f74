"""The domain rules of Confiance, in plain Python.

Nothing in this package imports Django (rules/tests/test_purity.py fails if it
does): answers or facts go in, a result with its reasons comes out, each reason
citing the text it comes from. That keeps the rules readable by a lawyer,
testable by the hundred and usable from the command line.
"""
