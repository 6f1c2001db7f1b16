"""Each change the adapter makes to Material's HTML (generator/site/theme_patches.py) is on every page of a real
build: a theme update that moves the markup a patch looks for fails here, not silently on the site."""

import pytest

from generator.site import theme_patches as patches


def pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))
            if "assets" not in p.relative_to(site).parts}


@pytest.mark.parametrize("patch", patches.PATCHES, ids=lambda patch: patch.name)
def test_every_page_has_the_markup_each_patch_needs(built_site, patch):
    missing = [path for path, text in pages(built_site).items() if patch.marker not in text
               and (patch is not patches.SEARCH_DIALOG_NAME or patches.SEARCH_NAMED not in text)]
    assert missing == [], f"{patch.name} ({patch.why}) finds nothing on {missing[:5]}"


def test_every_page_carries_the_build_time_patches(built_site):
    for path, text in pages(built_site).items():
        assert patches.SEARCH_NAMED in text, path
        if path != "404.html":  # a template, not a page: shown at any address, it links nowhere relative
            assert patches.CHANGES_LINK_TEXT in text.split(patches.FOOTER_CHANGES_LINK.marker, 1)[1], path


def test_the_error_banner_goes_into_the_article():
    page = f"<body>{patches.ERROR_BANNER.marker}<h1>x</h1></article></body>"
    patched = patches.error_banner(page, "roles/a.yaml:3: <b>错</b>")
    assert patched.index('class="hb-build-error"') > patched.index(patches.ERROR_BANNER.marker)
    assert "&lt;b&gt;错&lt;/b&gt;" in patched  # the report is text


def test_the_page_for_an_unknown_address_speaks_the_handbooks_language(built_site, library_site):
    """Material's 404 page says "404 - Not found" in every language; the guide promises staff a page in theirs."""
    assert "<h1>404 - 找不到页面</h1>" in (built_site / "404.html").read_text(encoding="utf-8")
    english = (library_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>404 - Page not found</h1>" in english and patches.NOT_FOUND.marker not in english
