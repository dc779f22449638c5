"""Service guides (办事指南): the admin form, write services and public reads."""
