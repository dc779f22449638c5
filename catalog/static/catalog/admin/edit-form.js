// The edit form of items and guides.
//
// After a failed save or submission the page shows a red "未能保存" banner. Wagtail's autosave
// then stores the form as a draft in the background and its header indicator says it was saved.
// Both at once contradict each other: once autosave has stored the draft, the banner is replaced
// by what is now true (the draft is saved, the problems marked at the fields remain). A refusal
// that marks no field (e.g. the record is already in review) keeps its own banner.
(() => {
  const SAVED_AFTER_ERROR =
    "您的修改已自动保存为草稿，但还没有提交：请按字段旁标红的提示修改，然后再保存或提交审核。";

  document.addEventListener("w-autosave:success", () => {
    const banner = document.querySelector(".messages li.error");
    const marked = document.querySelector(
      "#w-editor-form .w-field--error, #w-editor-form .help-critical",
    );
    if (!banner || !marked) {
      return;
    }
    document.dispatchEvent(
      new CustomEvent("w-messages:add", {
        detail: { clear: true, type: "warning", text: SAVED_AFTER_ERROR },
      }),
    );
  });
})();
