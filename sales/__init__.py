"""Xunke's sales domain: dataclasses, rules and use cases, free of any framework."""
