// Sinew network screen: draws the view's JSON twin with cytoscape.js. Loaded as a file
// (the page's Content-Security-Policy forbids inline script); every text from the store is
// put into the page with textContent, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape !== "function") { return; }
  var detail = document.getElementById("detail");

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    return e;
  }

  function showEdge(e) {
    detail.replaceChildren();
    detail.appendChild(el("h2", e.from + " \u2192 " + e.to));
    detail.appendChild(el("p", e.kind + (e.figure ? ": " + e.figure : "")));
    if (e.share !== null && e.share !== undefined) {
      detail.appendChild(el("p", e.to + " depends on it for " + Math.round(e.share) + "%"));
    }
    var ul = el("ul");
    e.cites.forEach(function (c) {
      var li = el("li");
      li.appendChild(el("a", c.quote, { href: c.href }));
      li.appendChild(el("span", " " + c.source, { "class": "muted" }));
      ul.appendChild(li);
    });
    detail.appendChild(ul);
    detail.appendChild(el("a", "What if it were cut?", { href: e.cut_href }));
  }

  fetch(box.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var edges = {};
      var elements = [];
      data.nodes.forEach(function (n) {
        elements.push({ data: { id: "n:" + n.name, label: n.name, href: n.href, name: n.name },
                        classes: (n.falls ? "falls" : "") + (n.name === data.focus ? " focus" : "") });
      });
      data.edges.forEach(function (e, i) {
        edges["e" + i] = e;
        var label = e.share !== null && e.share !== undefined ? Math.round(e.share) + "%" : (e.figure || "");
        elements.push({ data: { id: "e" + i, source: "n:" + e.from, target: "n:" + e.to, label: label, kind: e.kind },
                        classes: e.cut ? "cut" : "" });
      });
      var cy = cytoscape({
        container: box,
        elements: elements,
        // A few actors must not be blown up to fill the box: the zoom is capped.
        maxZoom: 1.3,
        minZoom: 0.2,
        layout: { name: "cose", animate: false, padding: 40, idealEdgeLength: 160,
                  nodeRepulsion: function () { return 600000; }, componentSpacing: 80 },
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 11, "background-color": "#1f5fa8",
                                        "width": 18, "height": 18, "text-valign": "bottom", "color": "#1d232a" } },
          { selector: "node.focus", style: { "background-color": "#c77d00", "width": 26, "height": 26 } },
          { selector: "node.falls", style: { "background-color": "#a11" } },
          { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2,
                                        "line-color": "#9aa7b4", "target-arrow-color": "#9aa7b4",
                                        "label": "data(label)", "font-size": 9, "text-rotation": "autorotate",
                                        "text-background-color": "#fff", "text-background-opacity": 1 } },
          { selector: "edge.cut", style: { "line-style": "dashed", "line-color": "#a11", "target-arrow-color": "#a11" } }
        ]
      });
      cy.on("tap", "node", function (evt) {
        var params = new URLSearchParams(window.location.search);
        params.set("focus", evt.target.data("name"));
        window.location.search = params.toString();
      });
      cy.on("tap", "edge", function (evt) { showEdge(edges[evt.target.id()]); });
      box.setAttribute("data-ready", String(data.edges.length));
    })
    .catch(function (err) { box.textContent = "The network could not be drawn: " + err; });
})();
