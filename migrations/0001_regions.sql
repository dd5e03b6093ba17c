-- Regions at five levels, keyed by the statistical division code (统计用区划代码).
-- Level follows from the code's length; a 12-digit code is a village committee (村委会,
-- suffix 200-399) or an urban community (居委会, suffix 001-199). Only village committees
-- are counted in collective-income statistics.
CREATE TABLE regions (
  code        TEXT PRIMARY KEY
              CHECK (length(code) IN (2, 4, 6, 9, 12) AND code NOT GLOB '*[^0-9]*'),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  level       TEXT NOT NULL
              CHECK (level IN ('province', 'city', 'county', 'township', 'village')),
  parent_code TEXT REFERENCES regions (code),
  -- 'area' for levels above village; for villages, committee or community.
  kind        TEXT NOT NULL CHECK (kind IN ('area', 'village_committee', 'community')),
  CHECK (
    (level = 'province' AND length(code) = 2 AND parent_code IS NULL) OR
    (level = 'city' AND length(code) = 4 AND parent_code = substr(code, 1, 2)) OR
    (level = 'county' AND length(code) = 6 AND parent_code = substr(code, 1, 4)) OR
    (level = 'township' AND length(code) = 9 AND parent_code = substr(code, 1, 6)) OR
    (level = 'village' AND length(code) = 12 AND parent_code = substr(code, 1, 9))
  ),
  CHECK ((level = 'village') = (kind <> 'area'))
) WITHOUT ROWID;

CREATE INDEX regions_by_parent ON regions (parent_code, code);
