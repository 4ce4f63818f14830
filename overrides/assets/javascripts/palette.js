/* Before first paint (blocking, in <head>): the stored colour scheme, else the system's; and html.js. */
(function (d) {
  var s;
  try { s = localStorage.getItem("site.palette"); } catch (e) {}
  if (s !== "slate" && s !== "default") {
    s = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
  }
  d.setAttribute("data-md-color-scheme", s);
  d.className = d.className.replace(/\bno-js\b/, "js");
})(document.documentElement);
