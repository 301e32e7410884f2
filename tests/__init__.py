"""The cqcmodel test suite."""
