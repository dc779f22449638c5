// The status filter of the item and guide listings shows a count per status. Searching and
// filtering replace the results in place (Wagtail's w-swap); the new results carry the new
// counts (#editorial-status-counts), which are written into the radio labels here. Only the
// label text changes, so focus and the checked state stay where they are.
document.addEventListener("w-swap:success", () => {
  const data = document.getElementById("editorial-status-counts");
  if (!data) return;
  const labels = JSON.parse(data.textContent);
  document
    .querySelectorAll('#filters-drilldown input[type="radio"][name="status"]')
    .forEach((input) => {
      const label = input.closest("label");
      const text = label
        ? Array.from(label.childNodes)
            .reverse()
            .find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
        : null;
      if (text && input.value in labels) text.textContent = ` ${labels[input.value]}`;
    });
});
