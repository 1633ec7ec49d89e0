// eventscribe pages: draws the timeline, the who-met-whom network and the maps from the page's
// own JSON (#page-data). Names are set with textContent / d3 .text(), never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);

  function parseDate(value) {
    var parts = value.split("-");
    return new Date(Date.UTC(+parts[0], parts[1] ? +parts[1] - 1 : 0, parts[2] ? +parts[2] : 1));
  }

  function drawTimeline(element, events, domain) {
    var dated = events.filter(function (e) { return e.date; });
    var width = element.clientWidth || 800, height = 180, margin = 24;
    var svg = d3.select(element).append("svg").attr("width", width).attr("height", height);
    if (!dated.length) { svg.append("text").attr("x", 10).attr("y", 30).text("No dated events."); return; }
    // the axis spans where the bulk of the events are (the server's domain), not a stray old date
    var extent = domain ? [parseDate(domain[0]), parseDate(domain[1])] : d3.extent(dated, function (e) { return parseDate(e.date); });
    if (+extent[0] === +extent[1]) { extent = [d3.time.month.offset(extent[0], -1), d3.time.month.offset(extent[1], 1)]; }
    var x = d3.time.scale().domain(extent).range([margin, width - margin]);
    var types = d3.scale.category20();   // sixteen PLOVER types: ten colours would repeat
    var axis = d3.svg.axis().scale(x).orient("bottom").ticks(8);
    var axisGroup = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (height - 24) + ")").call(axis);
    var marks = svg.append("g").selectAll("circle").data(dated).enter().append("circle")
      .attr("class", "mark").attr("r", function (e) { return 4 + Math.min(6, (e.source_count || 1) - 1); })
      .attr("cy", function (e, i) { return 20 + (i % 8) * 16; })
      .style("fill", function (e) { return types(e.type); })
      .on("click", function (e) { window.location.href = "/events/" + encodeURIComponent(e.event_id); });
    marks.append("title").text(function (e) { return e.date + " " + e.type + " " + (e.actors || []).join(", "); });
    var shown = d3.set(dated.map(function (e) { return e.type; })).values().sort();
    var legend = d3.select(element).append("p").attr("class", "legend");
    shown.forEach(function (type) {
      var item = legend.append("span").attr("class", "legend-item");
      item.append("span").attr("class", "swatch").style("background", types(type));
      item.append("span").text(type);
    });
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

  // Five shades for event counts per country, and the legend that says what they mean.
  var SHADES = ["#f5d9ad", "#eab577", "#d98d45", "#bf6a2a", "#8f3f12"];

  function shadeSteps(counts) {
    var top = 1;     // (the map page loads Leaflet, not d3)
    Object.keys(counts).forEach(function (key) { top = Math.max(top, counts[key]); });
    return [1, 2, 3, 4].map(function (i) { return Math.max(i + 1, Math.round(Math.pow(top, i / 5))); }).concat([top + 1]);
  }

  function shadeOf(count, steps) {
    if (!count) { return null; }
    for (var i = 0; i < steps.length; i++) { if (count < steps[i]) { return SHADES[i]; } }
    return SHADES[SHADES.length - 1];
  }

  function countLayer(map, counts) {
    var steps = shadeSteps(counts);
    fetch("/assets/countries.geojson").then(function (r) { return r.json(); }).then(function (shapes) {
      L.geoJSON(shapes, {
        style: function (f) {
          var shade = shadeOf(counts[f.properties.iso3], steps);
          return {color: "#8a8f98", weight: 0.6, fillColor: shade || "#f4f3ef", fillOpacity: 1};
        },
        onEachFeature: function (f, layer) {
          var n = counts[f.properties.iso3] || 0;
          layer.bindTooltip((f.properties.name || "?") + ": " + n + (n === 1 ? " event" : " events"));
        }
      }).addTo(map).bringToBack();
    });
    var legend = L.control({position: "bottomleft"});
    legend.onAdd = function () {
      var box = L.DomUtil.create("div", "map-legend");
      var title = L.DomUtil.create("div", "legend-title", box);
      title.textContent = "events in the country";
      var low = 1;
      steps.forEach(function (high, i) {
        if (high <= low) { return; }
        var row = L.DomUtil.create("div", "legend-row", box);
        var swatch = L.DomUtil.create("span", "swatch", row);
        swatch.style.background = SHADES[i];
        var label = L.DomUtil.create("span", "", row);
        label.textContent = high - 1 > low ? low + "–" + (high - 1) : String(low);
        low = high;
      });
      return box;
    };
    legend.addTo(map);
  }

  function drawMap(element, places, counts) {
    var map = L.map(element, {worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 12}).setView([20, 10], 2);
    countLayer(map, counts || {});
    var cluster = L.markerClusterGroup();
    places.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lon], {radius: 6, color: "#b3261e"});
      var link = document.createElement("a");
      if (p.event_id) {
        link.href = "/events/" + encodeURIComponent(p.event_id);
        link.textContent = (p.name || "?") + ": its event";
      } else {
        var params = new URLSearchParams(window.location.search);   // the map's filters, and the place
        params.set("place", p.name || "");
        if (p.country) { params.set("place_country", p.country); }   // 'Niger' is part of 'Nigeria' too
        link.href = "/events?" + params.toString();
        link.textContent = (p.name || "?") + ": " + p.events + " events";
      }
      marker.bindPopup(link);
      cluster.addLayer(marker);
    });
    map.addLayer(cluster);
  }

  var timeline = document.getElementById("timeline");
  if (timeline) { drawTimeline(timeline, data.events || [], data.domain); }
  var network = document.getElementById("network");
  if (network && data.network) { drawNetwork(network, data.network); }
  var bigMap = document.getElementById("map");
  if (bigMap) { drawMap(bigMap, data.places || [], data.countries); }
  var eventMap = document.getElementById("event-map");
  if (eventMap) {
    var lat = +eventMap.dataset.lat, lon = +eventMap.dataset.lon;
    var small = baseMap(eventMap, 4);
    small.setView([lat, lon], 4);
    L.circleMarker([lat, lon], {radius: 7, color: "#b3261e"}).addTo(small);
  }
})();
