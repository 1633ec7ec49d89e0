// eventscribe pages: draws the timeline, the who-met-whom network and the maps from the page's
// own JSON (#page-data). Names are set with textContent / d3 .text(), never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);

  function parseDate(value) {
    var parts = value.split("-");
    return new Date(Date.UTC(+parts[0], parts[1] ? +parts[1] - 1 : 0, parts[2] ? +parts[2] : 1));
  }

  function drawTimeline(element, events) {
    var dated = events.filter(function (e) { return e.date; });
    var width = element.clientWidth || 800, height = 180, margin = 24;
    var svg = d3.select(element).append("svg").attr("width", width).attr("height", height);
    if (!dated.length) { svg.append("text").attr("x", 10).attr("y", 30).text("No dated events."); return; }
    var extent = d3.extent(dated, function (e) { return parseDate(e.date); });
    if (+extent[0] === +extent[1]) { extent = [d3.time.month.offset(extent[0], -1), d3.time.month.offset(extent[1], 1)]; }
    var x = d3.time.scale().domain(extent).range([margin, width - margin]);
    var types = d3.scale.category10();
    var axis = d3.svg.axis().scale(x).orient("bottom").ticks(8);
    var axisGroup = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (height - 24) + ")").call(axis);
    var marks = svg.append("g").selectAll("circle").data(dated).enter().append("circle")
      .attr("class", "mark").attr("r", function (e) { return 4 + Math.min(6, (e.source_count || 1) - 1); })
      .attr("cy", function (e, i) { return 20 + (i % 8) * 16; })
      .style("fill", function (e) { return types(e.type); })
      .on("click", function (e) { window.location.href = "/events/" + encodeURIComponent(e.event_id); });
    marks.append("title").text(function (e) { return e.date + " " + e.type + " " + (e.actors || []).join(", "); });
    function place() { marks.attr("cx", function (e) { return x(parseDate(e.date)); }); axisGroup.call(axis); }
    svg.call(d3.behavior.zoom().x(x).scaleExtent([0.5, 500]).on("zoom", place));
    place();
  }

  function drawNetwork(element, network) {
    var width = element.clientWidth || 800, height = 420;
    var svg = d3.select(element).append("svg").attr("width", width).attr("height", height);
    var byId = {};
    network.nodes.forEach(function (n) { byId[n.actor_id] = n; });
    var links = network.links.filter(function (l) { return byId[l.source] && byId[l.target]; })
      .map(function (l) { return {source: byId[l.source], target: byId[l.target], events: l.events}; });
    var force = d3.layout.force().nodes(network.nodes).links(links).size([width, height])
      .linkDistance(170).charge(-900);
    var link = svg.selectAll("line").data(links).enter().append("line").attr("class", "link")
      .style("stroke-width", function (l) { return Math.min(8, 1 + Math.log(l.events) * 2); });
    var node = svg.selectAll("g.node").data(network.nodes).enter().append("g")
      .attr("class", function (n) { return n.actor_id === network.centre ? "node centre" : "node"; })
      .on("click", function (n) { window.location.href = "/actors/" + encodeURIComponent(n.actor_id); })
      .call(force.drag);
    node.append("circle").attr("r", function (n) { return n.actor_id === network.centre ? 9 : 6; });
    node.append("text").attr("dx", 10).attr("dy", 4).text(function (n) { return n.name; });
    force.on("tick", function () {
      link.attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
        .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; });
      node.attr("transform", function (n) { return "translate(" + n.x + "," + n.y + ")"; });
    });
    force.start();
    for (var i = 0; i < 150; i++) { force.tick(); }
    force.stop();
  }

  function baseMap(element, zoom) {
    var map = L.map(element, {worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 12}).setView([20, 10], zoom);
    fetch("/assets/countries.geojson").then(function (r) { return r.json(); }).then(function (shapes) {
      L.geoJSON(shapes, {style: {color: "#8a8f98", weight: 0.6, fillColor: "#e8e4da", fillOpacity: 1}}).addTo(map).bringToBack();
    });
    return map;
  }

  function drawMap(element, places) {
    var map = baseMap(element, 2);
    var cluster = L.markerClusterGroup();
    places.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {radius: 6, color: "#b3261e"});
      var link = document.createElement("a");
      link.href = "/events?place=" + encodeURIComponent(p.name || "");
      link.textContent = (p.name || "?") + ": " + p.events + " event(s)";
      marker.bindPopup(link);
      cluster.addLayer(marker);
    });
    map.addLayer(cluster);
  }

  var timeline = document.getElementById("timeline");
  if (timeline) { drawTimeline(timeline, data.events || []); }
  var network = document.getElementById("network");
  if (network && data.network) { drawNetwork(network, data.network); }
  var bigMap = document.getElementById("map");
  if (bigMap) { drawMap(bigMap, data.places || []); }
  var eventMap = document.getElementById("event-map");
  if (eventMap) {
    var lat = +eventMap.dataset.lat, lon = +eventMap.dataset.lon;
    var small = baseMap(eventMap, 4);
    small.setView([lat, lon], 4);
    L.circleMarker([lat, lon], {radius: 7, color: "#b3261e"}).addTo(small);
  }
})();
