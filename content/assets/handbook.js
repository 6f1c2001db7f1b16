// Tables wider than a phone scroll sideways inside their box: the box takes keyboard focus, so that it can
// be scrolled without a mouse (axe-core: scrollable-region-focusable). Material wraps tables at start-up.
addEventListener("load", () => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap, .hb-scroll")) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) box.tabIndex = 0;
  }
});
