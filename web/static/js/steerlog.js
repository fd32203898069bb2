// steerlog's few enhancements over plain forms; every page works without them.
document.addEventListener("htmx:afterRequest", function (event) {
  // A speech form that saved empties its text and puts the cursor back in it.
  var form = event.detail.elt;
  if (event.detail.successful && form.matches && form.matches("form[data-reset-on-save]")) {
    var text = form.querySelector("textarea");
    if (text) { text.value = ""; text.focus(); }
  }
});
