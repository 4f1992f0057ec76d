(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("gs-data").textContent);
  var el = document.getElementById("map");
  if (!window.L || !el) { return; }
  var map = L.map(el, {zoomSnap: 0.5, maxZoom: 15});
  map.attributionControl.setPrefix("Leaflet");
  var v = D.view, m = D.outer;
  var f = D.focus;
  var view = L.latLngBounds([[v[1], v[0]], [v[3], v[2]]]);
  // Open on the likely area; zooming out shows the whole grid and a little more.
  // Past the embedded tiles (zoom 6) the background blurs but the overlays stay
  // sharp, which is what a small search area needs.
  map.fitBounds(L.latLngBounds([[f[1], f[0]], [f[3], f[2]]]), {maxZoom: 14});
  map.setMaxBounds(L.latLngBounds([[m[1], m[0]], [m[3], m[2]]]).pad(0.3));
  map.setMinZoom(Math.max(0, Math.floor(map.getBoundsZoom(view)) - 1));
  var overlays = {};
  if (D.tiles) {
    var urls = D.tiles.urls;
    var Embedded = L.TileLayer.extend({
      getTileUrl: function (c) {
        var n = Math.pow(2, c.z), x = ((c.x % n) + n) % n;  // copies across 180°
        return urls[c.z + "/" + x + "/" + c.y] || D.blank;
      }
    });
    new Embedded("", {minZoom: 0, maxZoom: 15, minNativeZoom: D.tiles.minZoom,
      maxNativeZoom: D.tiles.maxZoom, errorTileUrl: D.blank,
      attribution: D.tiles.attribution}).addTo(map);
  }
  var borders = L.geoJSON(D.borders, {interactive: false,
    style: {color: "#3d4650", weight: 1.2, opacity: 0.85, fill: false},
    attribution: D.bordersAttribution}).addTo(map);
  overlays["Country borders"] = borders;
  if (D.countryLabels.length) {
    var labels = L.layerGroup(D.countryLabels.map(function (c) {
      return L.marker([c.lat, c.lon], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "gs-country", html: c.label, iconSize: null})});
    })).addTo(map);
    overlays["Country names"] = labels;
  }
  if (D.rivers) {
    // Approximate lines: shown by default only where no tiles draw the rivers.
    var rivers = L.geoJSON(D.rivers, {interactive: false,
      style: {color: "#2b7bb9", weight: 1.5, opacity: 0.9},
      attribution: D.riversAttribution});
    if (!D.tiles) { rivers.addTo(map); }
    overlays["Rivers (approximate)"] = rivers;
  }
  overlays["Probability (shaded by area)"] = L.imageOverlay(D.posterior.url,
    D.posterior.bounds, {opacity: 0.85, className: "gs-posterior"}).addTo(map);
  overlays["50% and 90% areas"] = L.geoJSON(D.hdr, {interactive: false,
    style: function (f) {
      return f.properties.level === 0.5
        ? {color: "#67000d", weight: 2.5, fill: false}
        : {color: "#67000d", weight: 1.8, dashArray: "7 5", fill: false};
    }}).addTo(map);
  if (D.plan) {
    overlays["Search plan"] = L.geoJSON(D.plan.map(function (p) {
      return {type: "Feature", properties: {w: p.weight, popup: p.popup},
              geometry: p.geometry};
    }), {
      style: function (f) {
        return {color: "#2166ac", weight: 1, fillColor: "#2166ac",
                fillOpacity: 0.08 + 0.5 * f.properties.w};
      },
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, {radius: 4 + 6 * f.properties.w});
      },
      onEachFeature: function (f, layer) { layer.bindPopup(f.properties.popup); }
    }).addTo(map);
  }
  var groups = {used: L.featureGroup(), left: L.featureGroup()};
  D.evidence.forEach(function (e) {
    var s = {color: e.color, weight: 2, opacity: e.used ? 0.95 : 0.6,
             fillColor: e.color, fillOpacity: e.used ? 0.15 : 0.05,
             dashArray: e.used ? null : "3 4"};
    // GeoJSON styles also restyle point layers: keep the markers' own style.
    var layer = L.geoJSON(e.geometry, {
      style: function (f) { return /Point/.test(f.geometry.type) ? {} : s; },
      pointToLayer: function (f, ll) {
        var dot = L.circleMarker(ll, L.extend({}, s, {radius: 6,
          fillOpacity: e.used ? 0.9 : 0.3, color: "#fff", weight: 1.5}));
        // a ring model's quantile distances, else one radius (σ, a buffer)
        var radii = e.radii_m || (e.radius_m ? [e.radius_m] : []);
        if (radii.length) {
          return L.featureGroup(radii.map(function (r) {
            return L.circle(ll, L.extend({}, s, {radius: r, weight: 1,
              fillOpacity: e.radii_m ? 0.04 : s.fillOpacity, interactive: false}));
          }).concat([dot]));
        }
        return dot;
      }});
    layer.bindPopup(e.popup, {maxWidth: 360});
    (e.used ? groups.used : groups.left).addLayer(layer);
  });
  overlays["Evidence used"] = groups.used.addTo(map);
  overlays["Evidence left out"] = groups.left;
  if (D.areas && D.areas.length) {
    // the areas the headline leads with, each with its share (escaped labels)
    overlays["Areas named above"] = L.layerGroup(D.areas.map(function (a) {
      return L.marker([a.lat, a.lon], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "gs-area", html: a.label, iconSize: null})});
    })).addTo(map);
  }
  var places = L.featureGroup();
  D.places.forEach(function (p) {
    L.circleMarker([p.lat, p.lon], {radius: 4, color: "#111", weight: 1.5,
      fillColor: "#fff", fillOpacity: 1})
      .bindTooltip(p.label, {permanent: p.rank <= 5, direction: "right",
                             className: "gs-place"})
      .addTo(places);
  });
  overlays["Ranked places"] = places.addTo(map);
  L.control.layers(null, overlays, {collapsed: true}).addTo(map);
  L.control.scale({imperial: false}).addTo(map);
}());
