/* The visitor's colour scheme (a stored choice, else the system's), set on <html> before the
   body renders; also marks the page as having JavaScript. Loaded by a blocking <script> in
   <head> (partials/palette-script.html): it must run before the first paint. */
(function (d) {
  var s;
  try { s = localStorage.getItem("site.palette"); } catch (e) {}
  if (s !== "slate" && s !== "default") {
    s = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
  }
  d.setAttribute("data-md-color-scheme", s);
  d.className = d.className.replace(/\bno-js\b/, "js");
})(document.documentElement);
