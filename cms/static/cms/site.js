// The public site's only script (no inline scripts: the Content-Security-Policy forbids them).
// Everything works without it; it adds two conveniences.
(() => {
  // 打印 buttons on the letter form.
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
  // The search page's filters start open on wide screens (folded on phones).
  const facets = document.getElementById("facets");
  if (facets && window.matchMedia("(min-width: 900px)").matches) {
    facets.open = true;
  }
})();
