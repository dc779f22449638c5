"""Signed commitment letters (承诺书): registration, numbering, disclosure, masking."""
