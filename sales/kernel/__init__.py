"""The shared kernel: refusals and the clock, used by every feature."""
