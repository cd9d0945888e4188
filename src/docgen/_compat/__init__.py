"""Private interfaces of third-party libraries that docgen relies on, each in one module, each
checked against the versions it was written for so an upgrade fails with a clear message."""
