// steerlog's few enhancements over plain forms; every page works without them.

// Recording speeches live: Enter saves the speech, Shift+Enter starts a new line.
document.addEventListener("keydown", function (event) {
  var field = event.target;
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing &&
      field.matches && field.matches("#speech-form textarea")) {
    event.preventDefault();
    field.form.requestSubmit();
  }
});

// After a speech is saved the form comes back empty: put the cursor in its text.
document.addEventListener("htmx:afterSettle", function () {
  var text = document.querySelector("#speech-form textarea");
  if (text && document.activeElement === document.body) { text.focus(); }
});
