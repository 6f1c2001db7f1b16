"""The site around the pages: the engine's files under hashed URLs (assets, wheel, stdlib, snapshot), the MkDocs
adapter and what it assembles, the atomic build and the preview (builder, preview, watch), the `.gz`/`.br`
copies, and `make dist`'s bundle. `python -m generator.site build|serve|preview` is builder.main."""
