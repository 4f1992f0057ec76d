"""A missing-hiker case shared by the tests of searches (review r105's case).

Rocky Mountain National Park, on cells of 250 m, with a car at the trailhead and
a witness at Dream Lake and no searches yet: ``tests/test_e106.py`` records
searches on it with the command line, ``tests/test_m115.py`` with the service.
``LONDON_CASE`` is a walker seen in London, a region near Greenwich for the
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
