"""The spreadsheet door of the catalog: 附件4 catalogs and 附件2 liaison tables in and out.

Modules, in the order a file travels through them on import:

- ``reading``: an uploaded file to rows of cells, refusing what is not a plain spreadsheet;
- ``layout``: the seed's table layouts - find the two-row header, lay out an export grid;
- ``cleaning``, ``bases``, ``widgets``: cell text to values (spaces, full-width digits, ✓, 法规);
- ``resources``: the django-import-export resources that run the row loop;
- ``sessions``: what each row means (which item, changed or not, may the user write it);
- ``services``: preview and import (``catalog_import``, ``departments_import``);
- ``export``: the published catalog, a catalog revision or a department's drafts as a file;
- ``views``: the admin pages (upload → preview → confirm) and the public download.

See docs/adr/008-spreadsheets.md for the decisions.
"""
