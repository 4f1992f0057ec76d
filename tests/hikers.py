"""A missing-hiker case shared by the tests of searches (review r105's case).

Rocky Mountain National Park, on cells of 250 m, with a car at the trailhead and
a witness at Dream Lake and no searches yet: ``tests/test_e106.py`` records
searches on it with the command line, ``tests/test_m115.py`` with the service.
``WALKER_RINGS_CASE`` is the bundled Yr Wyddfa walker (``missing-hiker.yaml``)
written out again, with a ring model of distances from Pen-y-Pass added
(``tests/test_rings.py``). ``LONDON_CASE`` is a walker seen in London, a
region near Greenwich for the
searches that a lost minus sign would mirror across it.
"""

RMNP_CASE = """\
target: missing hiker (synthetic RMNP)
title: Hiker overdue from Bear Lake, RMNP
as_of: 2024-09-15T12:00
region: {west: -105.75, south: 40.24, east: -105.58, north: 40.36}
grid: {cell_km: 0.25}
settings: {diffusion_km2_per_day: 4.0, rest_of_world: 0.1}
documents:
  nps-log: {title: NPS dispatch log (synthetic), published: 2024-09-15}
places:
  Bear Lake trailhead: {lon: -105.6453, lat: 40.3134}
  Dream Lake: {lon: -105.6594, lat: 40.3095}
evidence:
  - id: car
    kind: sighting
    document: nps-log
    date: 2024-09-14
    time: "08:15"
    place: Bear Lake trailhead
    sigma_km: 0.2
    grade: A1
  - id: witness-dream
    kind: sighting
    document: nps-log
    date: 2024-09-14
    time: "10:30"
    place: Dream Lake
    sigma_km: 0.3
    grade: C3
"""

LONDON_CASE = """\
target: a walker
region: {west: -0.3, south: 51.4, east: 0.5, north: 51.6}
grid: {cell_km: 1.0}
documents:
  d: {title: log, published: 2024-09-15}
evidence:
  - {id: seen, kind: sighting, document: d, date: 2024-09-14, place: {lon: 0.1,
     lat: 51.5}, sigma_km: 1.0}
"""

WALKER_RINGS_CASE = """\
target: missing walker (synthetic example)
title: Missing walker on Yr Wyddfa, with distance rings
as_of: 2024-10-13T09:00   # the map is for 09:00 (a day alone: the end of it)
region: {west: -4.20, south: 53.00, east: -3.94, north: 53.15}
grid: {cell_km: 0.1}
settings:
  diffusion_km2_per_day: 4.0   # a lost walker on foot: sigma grows ~2 km a day
  # A lost walker's survival falls over days, not years (the default 0.1/year is a
  # hiding fugitive's). 99 % of those found alive in 4,244 Oregon searches were
  # found within 51 hours of the report (Adams et al. 2007, Wilderness Environ Med
  # 18:95-101), and teams turn to recovery after 3 to 5 days on a cold mountain:
  # a hazard of ln 2 / 3 days (0.23 a day, 84 a year) halves P(alive) every 3 days.
  hazard_per_year: 84
  place_radius_km: 1.0

documents:
  police-log:
    title: Police incident log (synthetic)
    published: 2024-10-13
  mrt-log:
    title: Mountain rescue team log (synthetic)
    published: 2024-10-13
  lpb-tables:
    title: Lost-person distance table (synthetic figures for the test)
    published: 2011-01-01

places:
  Pen-y-Pass car park:
    {lon: -4.0219, lat: 53.0805, source: "OpenStreetMap (approximate)"}
  Bwlch y Moch: {lon: -4.0425, lat: 53.0784, source: "OpenStreetMap (approximate)"}
  Crib Goch: {lon: -4.0557, lat: 53.0760, source: "OpenStreetMap (approximate)"}
  Snowdon summit: {lon: -4.0762, lat: 53.0685, source: "OpenStreetMap (approximate)"}
  Llyn Llydaw: {lon: -4.0536, lat: 53.0706, source: "OpenStreetMap (approximate)"}
  Crib Goch route:
    source: "hand-drawn along the ridge from Bwlch y Moch to the summit (approximate)"
    line: [[-4.0425, 53.0784], [-4.0557, 53.0760], [-4.0650, 53.0725],
           [-4.0762, 53.0685]]
  Pyg Track corridor:
    source: "hand-drawn box around the Pyg Track (approximate)"
    polygon: [[-4.045, 53.074], [-4.025, 53.079], [-4.021, 53.083],
              [-4.043, 53.081], [-4.075, 53.071], [-4.077, 53.066]]

evidence:
  - id: car
    kind: sighting
    document: police-log
    date: 2024-10-12
    time: "08:52"
    place: Pen-y-Pass car park
    sigma_km: 0.2
    grade: A1
    quote: >-
      The walker's car was found at Pen-y-Pass car park at 19:40; its parking
      ticket was bought at 08:52.
    note: >-
      Last known point: he was at the car when he bought the ticket, at the start
      of the walk. Timed fixes are followed as a track, so the later ones count
      for where he is now.
  - id: witness-pyg
    kind: sighting
    document: police-log
    date: 2024-10-12
    time: "11:30"
    place: Bwlch y Moch
    sigma_km: 0.4
    grade: C3
    hedge: probable
    speaker: two walkers
    quote: >-
      Two walkers saw a man matching the description near Bwlch y Moch
      around 11:30.
  - id: plan-crib-goch
    kind: claim
    document: police-log
    date: 2024-10-12
    place: Crib Goch route
    buffer_km: 0.3
    sigma_km: 0.5
    speaker: his partner
    grade: B2
    hedge: probable
    quote: His partner said he meant to go up by Crib Goch and come down the Pyg Track.
  - id: phone-mast
    kind: claim
    document: police-log
    date: 2024-10-12
    time: "14:05"
    place: Llyn Llydaw
    buffer_km: 1.5
    sigma_km: 0.7
    grade: B2
    quote: >-
      His phone last connected at 14:05 through the mast covering the Llyn
      Llydaw cwm.
    note: "A mast fix is coarse: 1.5 km around the cwm."
  - id: search-pyg
    kind: searched
    document: mrt-log
    date: 2024-10-13
    time: "07:30"
    area: Pyg Track corridor
    pd: 0.6
    quote: >-
      Team 1 swept the Pyg Track from Pen-y-Pass to the summit at first light;
      nothing found.
  - id: search-crib-goch
    kind: searched
    document: mrt-log
    date: 2024-10-13
    time: "08:10"
    area: Crib Goch route
    buffer_km: 0.15
    pd: 0.5
    quote: The helicopter flew the Crib Goch ridge at 08:10; nothing seen.
  - id: rings
    kind: rings
    place: Pen-y-Pass car park
    quantiles_km: {25: 0.6, 50: 1.2, 75: 2.1, 95: 4.8}
    document: lpb-tables
    date: 2024-10-12
    grade: A1
    quote: >-
      Hillwalker, mountainous terrain: 25 % within 0.6 km, 50 % within 1.2 km,
      75 % within 2.1 km, 95 % within 4.8 km.
"""
